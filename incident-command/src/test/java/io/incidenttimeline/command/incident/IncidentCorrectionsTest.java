package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.command.incident.IncidentFixtures.Timed;
import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.command.incident.IncidentFixtures.at;
import static io.incidenttimeline.command.incident.IncidentFixtures.conflict;
import static io.incidenttimeline.command.incident.IncidentFixtures.invalid;
import static io.incidenttimeline.command.incident.IncidentFixtures.invalidField;
import static io.incidenttimeline.command.incident.IncidentFixtures.stored;

/**
 * Key moments corrected by a later event (issue #11): only a moment that happened, only
 * to a new value, within the timestamp window and keeping the moments in their logical
 * order; from then on the incident's rules use the latest statement of each moment.
 */
class IncidentCorrectionsTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final IncidentId ID = new IncidentId(UUID.fromString("7c4b2a19-3d5e-4f60-8a7b-9c0d1e2f3a4b"));

	static final Instant IMPACT = NOW.minusSeconds(3600);

	static final Instant DETECTED = NOW.minusSeconds(3000);

	static final Instant DECLARED = NOW.minusSeconds(2400);

	static final Instant ACKNOWLEDGED = NOW.minusSeconds(2000);

	static final Instant MONITORING = NOW.minusSeconds(1500);

	static final Instant RESOLVED = NOW.minusSeconds(1000);

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = IncidentFixtures.fixtureAt(NOW);
	}

	@Test
	void correctionIsRecordedWithWhoCorrectedAndWhen() {
		this.fixture.given(resolvedStory())
			.when(new CorrectKeyMoment(ID, KeyMoment.IMPACT_STARTED, IMPACT.minusSeconds(300),
					"error logs show failures from earlier", "carol", "Carol Dubois", "web"))
			.expectEvents(GenericEventMessage
				.asEventMessage(new KeyMomentCorrected(ID, KeyMoment.IMPACT_STARTED, IMPACT.minusSeconds(300),
						"error logs show failures from earlier"))
				.withMetaData(Map.of("actor", "carol", "actorName", "Carol Dubois", "source", "web", "occurredAt",
						Timestamps.format(NOW), "recordedAt", Timestamps.format(NOW))))
			.expectResultMessagePayload(new CommandResult(ID, 6, NOW));
	}

	@Test
	void anOpenIncidentsMomentsMayBeCorrectedToo() {
		this.fixture.given(stored(List.of(declaration())))
			.when(correct(KeyMoment.DETECTED, DETECTED.minusSeconds(60)))
			.expectEvents(new KeyMomentCorrected(ID, KeyMoment.DETECTED, DETECTED.minusSeconds(60), "found later"));
	}

	@Test
	void aMomentThatNeverHappenedCannotBeCorrected() {
		List<Object> declaredOnly = stored(List.of(declaration()));
		this.fixture.given(declaredOnly)
			.when(correct(KeyMoment.ACKNOWLEDGED, DECLARED))
			.expectNoEvents()
			.expectException(conflict("the incident was never acknowledged"));
		this.fixture.given(declaredOnly)
			.when(correct(KeyMoment.MITIGATED, DECLARED))
			.expectNoEvents()
			.expectException(
					conflict("the incident was never mitigated (it never reached monitoring nor was resolved)"));
		this.fixture.given(declaredOnly)
			.when(correct(KeyMoment.RESOLVED, DECLARED))
			.expectNoEvents()
			.expectException(conflict("the incident is not resolved"));
	}

	@Test
	void theResolutionOfAReopenedIncidentCannotBeCorrectedUntilItIsResolvedAgain() {
		List<Timed> story = new ArrayList<>(resolvedTimeline());
		story.add(at(new IncidentReopened(ID, "errors are back"), NOW.minusSeconds(500)));
		this.fixture.given(stored(story))
			.when(correct(KeyMoment.RESOLVED, RESOLVED.minusSeconds(10)))
			.expectNoEvents()
			.expectException(conflict("the incident is not resolved"));
	}

	@Test
	void anAcknowledgementAtTheAlertsSenderIsAnAcknowledgement() {
		this.fixture
			.given(stored(List.of(declaration(), at(alertTriggered(), DECLARED),
					at(new AlertAcknowledged(ID, "pagerduty", "k1"), ACKNOWLEDGED))))
			.when(correct(KeyMoment.ACKNOWLEDGED, ACKNOWLEDGED.minusSeconds(30)))
			.expectEvents(
					new KeyMomentCorrected(ID, KeyMoment.ACKNOWLEDGED, ACKNOWLEDGED.minusSeconds(30), "found later"));
	}

	@Test
	void anIncidentResolvedWithoutMonitoringWasMitigatedAtItsResolution() {
		this.fixture.given(stored(List.of(declaration(), at(new IncidentResolved(ID, null), RESOLVED))))
			.when(correct(KeyMoment.MITIGATED, RESOLVED.minusSeconds(600)))
			.expectEvents(new KeyMomentCorrected(ID, KeyMoment.MITIGATED, RESOLVED.minusSeconds(600), "found later"));
	}

	@Test
	void correctingAMomentToTheValueItHasIsAConflict() {
		this.fixture.given(resolvedStory())
			.when(correct(KeyMoment.IMPACT_STARTED, IMPACT))
			.expectNoEvents()
			.expectException(
					conflict("impact_started is already " + Timestamps.format(IMPACT) + ": nothing to correct"));
	}

	@Test
	void correctedMomentsKeepTheirLogicalOrder() {
		List<Object> story = resolvedStory();
		expectOutOfOrder(story, KeyMoment.IMPACT_STARTED, DETECTED.plusSeconds(1), "after the incident was detected",
				DETECTED);
		expectOutOfOrder(story, KeyMoment.DETECTED, IMPACT.minusSeconds(1), "before the impact started", IMPACT);
		expectOutOfOrder(story, KeyMoment.DETECTED, DECLARED.plusSeconds(1), "after the incident was declared",
				DECLARED);
		expectOutOfOrder(story, KeyMoment.ACKNOWLEDGED, DETECTED.minusSeconds(1), "before the incident was detected",
				DETECTED);
		expectOutOfOrder(story, KeyMoment.MITIGATED, IMPACT.minusSeconds(1), "before the impact started", IMPACT);
		expectOutOfOrder(story, KeyMoment.RESOLVED, DECLARED.minusSeconds(1), "before the incident was declared",
				DECLARED);
	}

	@Test
	void detectionAndAcknowledgementKeepTheirOrder() {
		Timed acknowledged = at(new IncidentAcknowledged(ID), DETECTED.plusSeconds(100));
		expectOutOfOrder(stored(List.of(declaration(), acknowledged)), KeyMoment.DETECTED, DETECTED.plusSeconds(200),
				"after the incident was acknowledged", DETECTED.plusSeconds(100));
		expectOutOfOrder(
				stored(List.of(declaration(), acknowledged,
						at(correction(KeyMoment.DETECTED, DETECTED.plusSeconds(50)), NOW))),
				KeyMoment.ACKNOWLEDGED, DETECTED.plusSeconds(49), "before the incident was detected",
				DETECTED.plusSeconds(50));
	}

	@Test
	void correctionOutsideTheTimestampWindowIsRejected() {
		this.fixture.given(resolvedStory())
			.when(correct(KeyMoment.RESOLVED, NOW.plusSeconds(3600)))
			.expectNoEvents()
			.expectException(invalid("correctedTo",
					"correctedTo must not be in the future (more than 2 minutes ahead of the server's clock)"));
		this.fixture.given(resolvedStory())
			.when(correct(KeyMoment.IMPACT_STARTED, Instant.parse("1999-01-01T00:00:00Z")))
			.expectNoEvents()
			.expectException(invalid("correctedTo", "correctedTo must not be before 2000-01-01T00:00:00.000000Z"));
	}

	@Test
	void aCorrectionNeedsAMomentAValueAndAReason() {
		this.fixture.given(resolvedStory())
			.when(new CorrectKeyMoment(ID, null, IMPACT, "why", "carol", null, "web"))
			.expectNoEvents()
			.expectException(invalidField("moment"));
		this.fixture.given(resolvedStory())
			.when(new CorrectKeyMoment(ID, KeyMoment.IMPACT_STARTED, null, "why", "carol", null, "web"))
			.expectNoEvents()
			.expectException(invalidField("correctedTo"));
		this.fixture.given(resolvedStory())
			.when(new CorrectKeyMoment(ID, KeyMoment.IMPACT_STARTED, IMPACT.minusSeconds(1), " ", "carol", null, "web"))
			.expectNoEvents()
			.expectException(invalid("reason", "reason must not be blank"));
	}

	@Test
	void theLatestCorrectionIsTheMomentTheRulesUse() {
		List<Timed> story = new ArrayList<>(List.of(declaration()));
		story.add(at(correction(KeyMoment.IMPACT_STARTED, IMPACT.minusSeconds(100)), NOW.minusSeconds(60)));
		story.add(at(correction(KeyMoment.IMPACT_STARTED, IMPACT.plusSeconds(100)), NOW.minusSeconds(30)));
		this.fixture.given(stored(story))
			.when(new AddTimelineNote(ID, "backdated", "bob", null, "api", IMPACT.plusSeconds(50)))
			.expectNoEvents()
			.expectException(invalid("occurredAt", "occurredAt must not be before the impact started ("
					+ Timestamps.format(IMPACT.plusSeconds(100)) + ")"));
		this.fixture.given(stored(story))
			.when(new AddTimelineNote(ID, "backdated", "bob", null, "api", IMPACT.plusSeconds(150)))
			.expectEvents(new TimelineNoteAdded(ID, "backdated"));
	}

	@Test
	void aCorrectedDetectionBoundsTheAcknowledgement() {
		List<Timed> story = List.of(declaration(),
				at(correction(KeyMoment.DETECTED, DETECTED.plusSeconds(300)), NOW.minusSeconds(60)));
		this.fixture.given(stored(story))
			.when(new AcknowledgeIncident(ID, "bob", null, "api", DETECTED.plusSeconds(200)))
			.expectNoEvents()
			.expectException(invalid("occurredAt", "occurredAt must not be before the incident was detected ("
					+ Timestamps.format(DETECTED.plusSeconds(300)) + ")"));
	}

	/**
	 * A resolution after a reopening is a newer statement of when the incident was
	 * resolved than a correction of the earlier resolution.
	 */
	@Test
	void aLaterResolutionReplacesTheCorrectionOfAnEarlierOne() {
		List<Timed> story = new ArrayList<>(resolvedTimeline());
		story.add(at(correction(KeyMoment.RESOLVED, RESOLVED.minusSeconds(100)), NOW.minusSeconds(900)));
		story.add(at(new IncidentReopened(ID, "errors are back"), NOW.minusSeconds(800)));
		story.add(at(new IncidentResolved(ID, "fixed again"), NOW.minusSeconds(700)));
		this.fixture.given(stored(story))
			.when(correct(KeyMoment.RESOLVED, NOW.minusSeconds(700)))
			.expectNoEvents()
			.expectException(conflict(
					"resolved is already " + Timestamps.format(NOW.minusSeconds(700)) + ": nothing to correct"));
	}

	private void expectOutOfOrder(List<Object> given, KeyMoment moment, Instant correctedTo, String relation,
			Instant bound) {
		this.fixture.given(given)
			.when(correct(moment, correctedTo))
			.expectNoEvents()
			.expectException(invalid("correctedTo",
					"correctedTo must not be " + relation + " (" + Timestamps.format(bound) + ")"));
	}

	private static CorrectKeyMoment correct(KeyMoment moment, Instant correctedTo) {
		return new CorrectKeyMoment(ID, moment, correctedTo, "found later", "carol", null, "web");
	}

	private static KeyMomentCorrected correction(KeyMoment moment, Instant correctedTo) {
		return new KeyMomentCorrected(ID, moment, correctedTo, "found later");
	}

	private static Timed declaration() {
		return at(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), IMPACT, null, null,
				DETECTED, DetectionMethod.DASHBOARD), DECLARED);
	}

	private static AlertTriggered alertTriggered() {
		return new AlertTriggered(ID, "pagerduty", "k1", "checkout errors", "critical", Map.of(), DECLARED, null);
	}

	/**
	 * Declared, acknowledged, monitored and resolved: five events.
	 */
	private static List<Timed> resolvedTimeline() {
		return List.of(declaration(), at(new IncidentAcknowledged(ID), ACKNOWLEDGED),
				at(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING), MONITORING),
				at(new TimelineNoteAdded(ID, "stable"), MONITORING.plusSeconds(1)),
				at(new IncidentResolved(ID, "fixed"), RESOLVED));
	}

	private static List<Object> resolvedStory() {
		return stored(resolvedTimeline());
	}

}
