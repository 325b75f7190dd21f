package io.incidenttimeline.command.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.incidenttimeline.events.ActorClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The caller, as the verified token says: subject, display name as people write it,
 * client, and roles through the hierarchy.
 */
class CallersTest {

	static final OidcProperties OIDC = new OidcProperties("https://idp.example", "incident-timeline",
			Duration.ofSeconds(30), "roles", "name", "sre-leads=commander");

	final JwtAuthenticationConverter converter = new TokenConfiguration().tokenAuthentication(OIDC);

	final Callers callers = new Callers(OIDC, Roles.hierarchy());

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "Zoë Müller", "Victor Nguyễn", "支付 on-call 🔥" })
	void peopleAreNamedAsTheyWriteTheirNames(String name) {
		authenticate(Map.of("sub", "u-1", "name", name, "client_id", "incident-cli", "roles", List.of("responder")));

		assertThat(this.callers.current()).isEqualTo(new ActorClaims("u-1", name, "incident-cli", Set.of("responder")));
	}

	@Test
	void automationActingForAPersonIsThePersonThroughTheAutomation() {
		authenticate(Map.of("sub", "alice", "client_id", "slack-bot", "act", Map.of("sub", "slack-bot"), "roles",
				List.of("responder")));

		assertThat(this.callers.current().subject()).isEqualTo("alice");
		assertThat(this.callers.current().client()).isEqualTo("slack-bot");
	}

	@Test
	void rolesIncludeEveryRoleBelowAndMappedGroupsCount() {
		authenticate(Map.of("sub", "ada", "roles", List.of("admin")));
		assertThat(List.of(Roles.VIEWER, Roles.RESPONDER, Roles.COMMANDER, Roles.ADMIN)).allMatch(this.callers::has);

		authenticate(Map.of("sub", "alice", "roles", List.of("responder")));
		assertThat(this.callers.has(Roles.RESPONDER)).isTrue();
		assertThat(this.callers.has(Roles.VIEWER)).isTrue();
		assertThat(this.callers.has(Roles.COMMANDER)).isFalse();

		authenticate(Map.of("sub", "lead", "roles", List.of("sre-leads")));
		assertThat(this.callers.has(Roles.COMMANDER)).isTrue();
	}

	@Test
	void withoutATokenThereIsNoCaller() {
		assertThatIllegalStateException().isThrownBy(this.callers::current);
	}

	private void authenticate(Map<String, Object> claims) {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claims((all) -> all.putAll(claims))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		SecurityContextHolder.getContext().setAuthentication(this.converter.convert(jwt));
	}

}
