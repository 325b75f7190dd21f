package io.incidenttimeline.query.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.IncidentAcknowledged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {

	private static final IncidentId ID = IncidentId.random();

	private final List<EventEnvelope> story = new ArrayList<>();

	@Test
	void goldenStoryFoldsIntoTheCurrentIncident() {
		List<EventEnvelope> events = new ArrayList<>(GoldenVectors.all().values());

		Incident incident = fold(events);

		assertThat(incident.title()).isEqualTo("Checkout returns HTTP 500");
		assertThat(incident.severity()).isEqualTo("SEV-1");
		assertThat(incident.status()).isEqualTo("investigating");
		assertThat(incident.services()).containsExactly("checkout", "payments");
		assertThat(incident.commander()).isEqualTo("alice");
		assertThat(incident.roles()).isEqualTo(Map.of("incident_commander", "alice", "comms_lead", "carol"));
		assertThat(incident.acknowledgedBy()).isEqualTo("bob");
		assertThat(incident.acknowledgedAt()).isEqualTo("2026-11-20T10:03:10.000001Z");
		assertThat(incident.mitigations()).containsExactly(new Incident.Mitigation("rollback",
				"Rolled back checkout to v41", Instant.parse("2026-11-20T10:08:00Z"), "bob"));
		assertThat(incident.impactStartedAt()).isEqualTo("2026-11-20T09:58:30.250Z");
		assertThat(incident.declaredAt()).isEqualTo("2026-11-20T10:02:00Z");
		assertThat(incident.mitigatedAt()).isEqualTo("2026-11-20T10:08:00Z");
		assertThat(incident.resolvedAt()).isNull();
	}

	@Test
	void mitigatedAtIsTheEarlierOfFirstMitigationAndFirstMoveToMonitoring() {
		given(declared(), at("10:00"));
		given(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING), at("10:20"));
		given(new MitigationApplied(ID, MitigationKind.ROLLBACK, "rolled back"), at("10:10"));
		given(new StatusChanged(ID, IncidentStatus.MONITORING, IncidentStatus.IDENTIFIED), at("10:30"));
		given(new StatusChanged(ID, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING), at("10:05"));

		Incident incident = fold(this.story);

		assertThat(incident.mitigatedAt()).isEqualTo(at("10:05"));
		assertThat(incident.mitigations()).hasSize(1);
	}

	@Test
	void reopeningClearsResolvedAtUntilTheNextResolution() {
		given(declared(), at("10:00"));
		given(new IncidentResolved(ID, "fixed"), at("10:30"));
		given(new IncidentReopened(ID, "back again"), at("11:00"));

		Incident reopened = fold(this.story);

		assertThat(reopened.resolvedAt()).isNull();
		assertThat(reopened.status()).isEqualTo("investigating");
		assertThat(reopened.isOpen()).isTrue();

		given(new IncidentResolved(ID, "fixed for good"), at("11:40"));

		Incident resolvedAgain = fold(this.story);

		assertThat(resolvedAgain.resolvedAt()).isEqualTo(at("11:40"));
		assertThat(resolvedAgain.isOpen()).isFalse();
	}

	@Test
	void onlyTheFirstAcknowledgementCounts() {
		given(declared(), at("10:00"));
		givenBy(new IncidentAcknowledged(ID), at("10:01"), "bob");
		givenBy(new IncidentAcknowledged(ID), at("10:02"), "carol");

		Incident incident = fold(this.story);

		assertThat(incident.acknowledgedBy()).isEqualTo("bob");
		assertThat(incident.acknowledgedAt()).isEqualTo(at("10:01"));
	}

	@Test
	void assigningIncidentCommanderChangesTheCommander() {
		given(declared(), at("10:00"));
		given(new RoleAssigned(ID, Role.INCIDENT_COMMANDER, "dave"), at("10:01"));
		given(new RoleAssigned(ID, Role.SCRIBE, "erin"), at("10:02"));

		Incident incident = fold(this.story);

		assertThat(incident.commander()).isEqualTo("dave");
		assertThat(incident.roles()).isEqualTo(Map.of("incident_commander", "dave", "scribe", "erin"));
	}

	private static IncidentDeclared declared() {
		return new IncidentDeclared(ID, "Search is slow", Severity.SEV_3, List.of("search"), at("09:50"), "alice");
	}

	private void given(IncidentEvent event, Instant occurredAt) {
		givenBy(event, occurredAt, "alice");
	}

	private void givenBy(IncidentEvent event, Instant occurredAt, String actor) {
		this.story.add(new EventEnvelope(UUID.randomUUID(), ID, this.story.size() + 1, occurredAt,
				Instant.parse("2026-11-20T12:00:00Z"), actor, "web", event));
	}

	private static Incident fold(List<EventEnvelope> events) {
		Incident incident = Incident.declared(events.get(0), (IncidentDeclared) events.get(0).payload());
		for (EventEnvelope event : events.subList(1, events.size())) {
			incident = incident.on(event);
		}
		return incident;
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-20T" + time + ":00Z");
	}

}
