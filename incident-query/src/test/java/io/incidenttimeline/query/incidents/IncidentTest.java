package io.incidenttimeline.query.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {

	private final IncidentStory story = new IncidentStory();

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
	void theGoldenPostmortemStoryCorrectsTheImpactStartAndKeepsTheDeclaredOne() {
		List<EventEnvelope> events = new ArrayList<>(GoldenVectors.all().values());
		events.addAll(GoldenVectors.postmortemStory().values());

		Incident incident = fold(events);

		assertThat(incident.impactStartedAt()).isEqualTo("2026-11-20T09:55:00Z");
		assertThat(incident.impactStartedAtAsDeclared()).isEqualTo("2026-11-20T09:58:30.250Z");
		assertThat(incident.status()).isEqualTo("resolved");
		assertThat(incident.resolvedAt()).isEqualTo("2026-11-20T12:00:00Z");
	}

	@Test
	void anAcknowledgementInTheAlertsSenderAcknowledgesTheIncidentUnlessSomeoneDidEarlier() {
		this.story.at(at("10:00")).declared();
		this.story.at(at("10:03")).by("pagerduty").alertAcknowledged("pagerduty", "dk-1");
		this.story.at(at("10:05")).acknowledged();

		Incident bySender = fold(this.story.events());

		assertThat(bySender.acknowledgedAt()).isEqualTo(at("10:03"));
		assertThat(bySender.acknowledgedBy()).isEqualTo("pagerduty");
		IncidentStory responderFirst = new IncidentStory();
		responderFirst.at(at("10:00")).declared();
		responderFirst.at(at("10:02")).acknowledged();
		responderFirst.at(at("10:03")).by("pagerduty").alertAcknowledged("pagerduty", "dk-1");
		assertThat(fold(responderFirst.events())).extracting(Incident::acknowledgedBy, Incident::acknowledgedAt)
			.containsExactly("erin", at("10:02"));
	}

	@Test
	void mitigatedAtIsTheEarlierOfFirstMitigationAndFirstMoveToMonitoring() {
		this.story.at(at("10:00")).declared();
		this.story.at(at("10:20")).status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING);
		this.story.at(at("10:10")).mitigation(MitigationKind.ROLLBACK, "rolled back");
		this.story.at(at("10:30")).status(IncidentStatus.MONITORING, IncidentStatus.IDENTIFIED);
		this.story.at(at("10:05")).status(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);

		Incident incident = fold(this.story.events());

		assertThat(incident.mitigatedAt()).isEqualTo(at("10:05"));
		assertThat(incident.mitigations()).hasSize(1);
	}

	@Test
	void reopeningClearsResolvedAtUntilTheNextResolution() {
		this.story.at(at("10:00")).declared();
		this.story.at(at("10:30")).resolved("fixed");
		this.story.at(at("11:00")).reopened("back again");

		Incident reopened = fold(this.story.events());

		assertThat(reopened.resolvedAt()).isNull();
		assertThat(reopened.status()).isEqualTo("investigating");
		assertThat(reopened.isOpen()).isTrue();

		this.story.at(at("11:40")).resolved("fixed for good");

		Incident resolvedAgain = fold(this.story.events());

		assertThat(resolvedAgain.resolvedAt()).isEqualTo(at("11:40"));
		assertThat(resolvedAgain.isOpen()).isFalse();
	}

	@Test
	void onlyTheFirstAcknowledgementCounts() {
		this.story.at(at("10:00")).declared();
		this.story.at(at("10:01")).by("bob").acknowledged();
		this.story.at(at("10:02")).by("carol").acknowledged();

		Incident incident = fold(this.story.events());

		assertThat(incident.acknowledgedBy()).isEqualTo("bob");
		assertThat(incident.acknowledgedAt()).isEqualTo(at("10:01"));
	}

	@Test
	void assigningIncidentCommanderChangesTheCommander() {
		this.story.at(at("10:00")).declared((declaration) -> declaration.commander("alice"));
		this.story.at(at("10:01")).role(Role.INCIDENT_COMMANDER, "dave");
		this.story.at(at("10:02")).role(Role.SCRIBE, "erin");

		Incident incident = fold(this.story.events());

		assertThat(incident.commander()).isEqualTo("dave");
		assertThat(incident.roles()).isEqualTo(Map.of("incident_commander", "dave", "scribe", "erin"));
	}

	@Test
	void eventsWithoutAHandlerLeaveTheIncidentAsItIs() {
		this.story.declared();
		Incident declared = fold(this.story.events());
		this.story.note("Looking at the search cluster");
		this.story.internalUpdate("Paged the database team");
		this.story.alertTriggered();

		assertThat(fold(this.story.events())).isEqualTo(declared);
	}

	private static Incident fold(List<EventEnvelope> events) {
		return Incident.EVENTS.fold(events).orElseThrow();
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-20T" + time + ":00Z");
	}

}
