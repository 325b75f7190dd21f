package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.statuspage.PublicUpdate.AffectedComponent;
import io.incidenttimeline.query.statuspage.StatusPageState.SpanChange;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The status page's fold as a plain object: a story of envelopes in, the public row and
 * the updates and impact spans it leaves to be written out.
 */
class StatusPageStateTest {

	private final IncidentStory story = new IncidentStory();

	@Test
	void aDeclarationBecomesAnInvestigatingIncidentHoldingItsComponentsSinceTheImpactStarted() {
		EventEnvelope declared = this.story.declared(Severity.SEV_2, "Checkout errors", "checkout", "payments");

		StatusPageState state = fold();

		PublicIncident incident = state.incident();
		assertThat(incident.id()).isEqualTo(this.story.id());
		assertThat(incident.name()).isEqualTo("Checkout errors");
		assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
		assertThat(incident.components()).containsExactly("checkout", "payments");
		assertThat(incident.createdAt()).isEqualTo(declared.occurredAt());
		assertThat(incident.startedAt()).isEqualTo("2026-11-21T07:55:00.000001Z");
		assertThat(incident.updatedAt()).isEqualTo(declared.occurredAt());
		assertThat(incident.lastPublicUpdateAt()).isNull();
		assertThat(state.spans()).containsExactly(new SpanChange.Opened(List.of("checkout", "payments"), Severity.SEV_2,
				1, Instant.parse("2026-11-21T07:55:00.000001Z")));
		assertThat(state.updates()).singleElement().satisfies((update) -> {
			assertThat(update.id()).isEqualTo(declared.eventId());
			assertThat(update.status()).isEqualTo(IncidentStatus.INVESTIGATING);
			assertThat(update.body()).isEqualTo(StatusPageState.DECLARED);
			assertThat(update.affectedComponents()).containsExactly(
					new AffectedComponent("checkout", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE),
					new AffectedComponent("payments", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE));
		});
	}

	@Test
	void statusChangesAndPublicUpdatesArePublishedWithStockSentencesOrTheirText() {
		this.story.declared(Severity.SEV_3, "Search slow", "search");
		EventEnvelope identified = this.story.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
		EventEnvelope update = this.story.publicUpdate("A bad index; rebuilding it.");
		EventEnvelope monitoring = this.story.status(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);

		StatusPageState state = fold();

		assertThat(state.updates()).extracting(PublicUpdate::status, PublicUpdate::body)
			.containsExactly(tuple(IncidentStatus.INVESTIGATING, StatusPageState.DECLARED),
					tuple(IncidentStatus.IDENTIFIED, "The issue has been identified and a fix is being implemented."),
					tuple(IncidentStatus.IDENTIFIED, "A bad index; rebuilding it."),
					tuple(IncidentStatus.MONITORING, "A fix has been implemented and we are monitoring the results."));
		assertThat(state.updates()).extracting(PublicUpdate::sequence).containsExactly(1L, 2L, 3L, 4L);
		assertThat(state.updates().get(1).createdAt()).isEqualTo(identified.occurredAt());
		assertThat(state.incident().status()).isEqualTo(IncidentStatus.MONITORING);
		assertThat(state.incident().monitoringAt()).isEqualTo(monitoring.occurredAt());
		assertThat(state.incident().lastPublicUpdateAt()).isEqualTo(update.occurredAt());
		assertThat(state.incident().updatedAt()).isEqualTo(monitoring.occurredAt());
		assertThat(state.spans()).hasSize(1);
	}

	@Test
	void aSeverityChangeMovesTheHoldWithoutAnUpdateAndKeepsTheReasonInternal() {
		this.story.declared(Severity.SEV_3, "Search slow", "search");
		EventEnvelope raised = this.story.severity(Severity.SEV_3, Severity.SEV_1, "SECRET: all regions");

		StatusPageState state = fold();

		assertThat(state.incident().severity()).isEqualTo(Severity.SEV_1);
		assertThat(state.incident().updatedAt()).isEqualTo(raised.occurredAt());
		assertThat(state.updates()).hasSize(1);
		assertThat(state.spans()).containsExactly(
				new SpanChange.Opened(List.of("search"), Severity.SEV_3, 1,
						Instant.parse("2026-11-21T07:55:00.000001Z")),
				new SpanChange.Closed(raised.occurredAt()),
				new SpanChange.Opened(List.of("search"), Severity.SEV_1, 2, raised.occurredAt()));
	}

	@Test
	void resolutionClosesTheHoldOnceAndReopeningOpensItAgain() {
		this.story.declared(Severity.SEV_1, "Login down", "login");
		EventEnvelope resolved = this.story.resolved("SECRET: rotated the key");
		this.story.status(IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
		EventEnvelope reopened = this.story.reopened("SECRET: back again");

		StatusPageState state = fold();

		assertThat(state.updates()).extracting(PublicUpdate::body)
			.containsExactly(StatusPageState.DECLARED, "This incident has been resolved.", StatusPageState.REOPENED);
		assertThat(state.updates().get(1).affectedComponents())
			.containsExactly(new AffectedComponent("login", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL));
		assertThat(state.updates().get(2).affectedComponents())
			.containsExactly(new AffectedComponent("login", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE));
		assertThat(state.spans()).containsExactly(
				new SpanChange.Opened(List.of("login"), Severity.SEV_1, 1,
						Instant.parse("2026-11-21T07:55:00.000001Z")),
				new SpanChange.Closed(resolved.occurredAt()),
				new SpanChange.Opened(List.of("login"), Severity.SEV_1, 4, reopened.occurredAt()));
		assertThat(state.incident().status()).isEqualTo(IncidentStatus.INVESTIGATING);
		assertThat(state.incident().resolvedAt()).isNull();
	}

	@Test
	void nothingInternalChangesThePublicState() {
		this.story.declared(Severity.SEV_2, "Payments delayed", "payments");
		StatusPageState declared = fold();
		this.story.internalUpdate("SECRET internal update");
		this.story.note("SECRET note");
		this.story.acknowledged();
		this.story.mitigation("SECRET mitigation");
		this.story.alertTriggered();

		assertThat(fold()).isEqualTo(declared);
	}

	@Test
	void aStoredIncidentStartsWithNothingLeftToWrite() {
		this.story.declared(Severity.SEV_2, "Payments delayed", "payments");
		StatusPageState loaded = StatusPageState.of(fold().incident());

		StatusPageState next = StatusPageState.EVENTS.apply(loaded, this.story.publicUpdate("Working on it."));

		assertThat(next.updates()).extracting(PublicUpdate::body).containsExactly("Working on it.");
		assertThat(next.spans()).isEmpty();
	}

	private StatusPageState fold() {
		return StatusPageState.EVENTS.fold(this.story.events()).orElseThrow();
	}

}
