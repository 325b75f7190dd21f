package io.incidenttimeline.events;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorClaimsTest {

	private static final ActorClaims.Settings DEFAULTS = new ActorClaims.Settings(null, null, null,
			Set.of("incident-timeline"));

	@Test
	void aPersonsTokenGivesSubjectNameClientAndRoles() {
		ActorClaims actor = ActorClaims.of(Map.of("sub", "alice", "name", "Alice Martín", "preferred_username", "alice",
				"roles", List.of("responder"), "aud", List.of("incident-cli", "incident-timeline")), DEFAULTS);

		assertThat(actor).isEqualTo(new ActorClaims("alice", "Alice Martín", "incident-cli", Set.of("responder")));
	}

	@Test
	void theClientComesFromClientIdThenAzpThenAnAudienceNotOurs() {
		assertThat(ActorClaims.of(Map.of("sub", "a", "client_id", "cli", "azp", "x"), DEFAULTS).client())
			.isEqualTo("cli");
		assertThat(ActorClaims.of(Map.of("sub", "a", "azp", "dashboard"), DEFAULTS).client()).isEqualTo("dashboard");
		assertThat(ActorClaims.of(Map.of("sub", "a", "aud", "incident-timeline"), DEFAULTS).client())
			.as("a machine's own token")
			.isEqualTo("a");
	}

	@Test
	void automationActingForAPersonRecordsThePersonAndTheAutomation() {
		ActorClaims actor = ActorClaims.of(Map.of("sub", "alice", "client_id", "slack-bot", "act",
				Map.of("sub", "slack-bot"), "roles", List.of("responder")), DEFAULTS);

		assertThat(actor.subject()).isEqualTo("alice");
		assertThat(actor.client()).isEqualTo("slack-bot");
	}

	@Test
	void rolesComeFromANestedClaimAndMapThroughTheProvidersGroups() {
		ActorClaims.Settings keycloak = new ActorClaims.Settings("realm_access.roles", "given_name",
				ActorClaims.Settings.mapping("sre-oncall=responder, sre-leads=commander"), Set.of("incident-timeline"));

		ActorClaims actor = ActorClaims.of(Map.of("sub", "u-17", "given_name", "Zoë", "realm_access",
				Map.of("roles", List.of("sre-oncall", "sre-leads", "offline_access"))), keycloak);

		assertThat(actor.roles()).containsExactlyInAnyOrder("responder", "commander", "offline_access");
		assertThat(actor.displayName()).isEqualTo("Zoë");
	}

	@Test
	void rolesMayBeASeparatedStringAndAreLowerCase() {
		ActorClaims actor = ActorClaims.of(Map.of("sub", "a", "groups", "Viewer, ADMIN responder"),
				new ActorClaims.Settings("groups", null, null, null));

		assertThat(actor.roles()).containsExactlyInAnyOrder("viewer", "admin", "responder");
	}

	@Test
	void theDisplayNameFallsBackToTheUsernameThenTheSubject() {
		assertThat(ActorClaims.of(Map.of("sub", "a", "preferred_username", "ann"), DEFAULTS).displayName())
			.isEqualTo("ann");
		assertThat(ActorClaims.of(Map.of("sub", "a"), DEFAULTS).displayName()).isEqualTo("a");
		assertThat(ActorClaims.of(Map.of("sub", "a", "roles", List.of()), DEFAULTS).roles()).isEmpty();
	}

	@Test
	void aTokenWithoutSubjectOrAMappingWithoutEqualsIsRefused() {
		assertThatThrownBy(() -> ActorClaims.of(Map.of("name", "x"), DEFAULTS)).hasMessageContaining("sub");
		assertThatThrownBy(() -> ActorClaims.Settings.mapping("oncall")).hasMessageContaining("group=role");
	}

}
