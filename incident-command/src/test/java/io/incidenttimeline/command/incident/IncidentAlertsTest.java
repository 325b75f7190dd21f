package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.OpeningAlert;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules for alert events on an incident. An alert firing for a resolved incident is
 * refused here: the alert ingestion routes it to a new incident instead.
 */
class IncidentAlertsTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final Instant DECLARED_AT = NOW.minusSeconds(60);

	static final Instant FIRED_AT = NOW.minusSeconds(600);

	static final IncidentId ID = new IncidentId(UUID.fromString("6a0c1f7e-2b3d-4c5e-8f90-1a2b3c4d5e6f"));

	static final String AM = "alertmanager";

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = IncidentFixtures.fixtureAt(NOW);
	}

	@Test
	void alertDeclaresTheIncidentAndRecordsItselfWithReceiptTimeAsOccurredAtAndDetection() {
		Map<String, String> metaData = Map.of("actor", AM, "source", AM, "occurredAt", Timestamps.format(NOW),
				"recordedAt", Timestamps.format(NOW));
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncidentForAlert(ID, "HighErrorRate: checkout", Severity.SEV_1, List.of("checkout"),
					FIRED_AT, alert("fp1")))
			.expectEvents(
					GenericEventMessage
						.asEventMessage(
								new IncidentDeclared(ID, "HighErrorRate: checkout", Severity.SEV_1, List.of("checkout"),
										FIRED_AT, null, new OpeningAlert(AM, "fp1"), NOW, DetectionMethod.ALERT))
						.withMetaData(metaData),
					GenericEventMessage.asEventMessage(triggered("fp1")).withMetaData(metaData))
			.expectResultMessagePayload(new CommandResult(ID, 2, NOW));
	}

	@Test
	void alertStartingAfterOurClockStartsTheImpactWhenWeReceivedIt() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncidentForAlert(ID, "Skewed", Severity.SEV_3, List.of("db"), NOW.plusSeconds(3600),
					new FiringAlert(AM, "fp1", "5xx rate above 5%", "critical", Map.of("service", "checkout"),
							NOW.plusSeconds(3600), "http://prometheus/graph")))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new IncidentDeclared(ID, "Skewed", Severity.SEV_3, List.of("db"), NOW, null,
							new OpeningAlert(AM, "fp1"), NOW, DetectionMethod.ALERT),
					new AlertTriggered(ID, AM, "fp1", "5xx rate above 5%", "critical", Map.of("service", "checkout"),
							NOW.plusSeconds(3600), "http://prometheus/graph"));
	}

	@Test
	void secondAlertAttachesToTheOpenIncident() {
		this.fixture.given(declaredByAlert("fp1"))
			.when(new TriggerAlert(ID, alert("fp2")))
			.expectEvents(triggered("fp2"))
			.expectResultMessagePayload(new CommandResult(ID, 3, NOW));
	}

	@Test
	void alertAlreadyFiringIsNotRecordedTwice() {
		this.fixture.given(declaredByAlert("fp1"))
			.when(new TriggerAlert(ID, alert("fp1")))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void alertFiringForAResolvedIncidentIsRefused() {
		this.fixture.given(events(humanDeclared(), withOrigin(new IncidentResolved(ID, null), 1, "bob", "api", NOW)))
			.when(new TriggerAlert(ID, alert("fp1")))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void resolvedAlertOfAResolvedIncidentIsStillRecorded() {
		this.fixture
			.given(events(declaredByAlert("fp1"), withOrigin(new IncidentResolved(ID, "fixed"), 2, "bob", "api", NOW)))
			.when(new ResolveAlert(ID, AM, "fp1", NOW.minusSeconds(5), true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", NOW.minusSeconds(5)));
	}

	@Test
	void alertThatOpenedTheIncidentResolvesItWhenNoHumanActed() {
		this.fixture.given(declaredByAlert("fp1"))
			.when(new ResolveAlert(ID, AM, "fp1", NOW.minusSeconds(5), true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", NOW.minusSeconds(5)),
					new IncidentResolved(ID, "resolved by alertmanager: the alert that opened it resolved"))
			.expectResultMessagePayload(new CommandResult(ID, 4, NOW));
	}

	@Test
	void alertClearingNeverResolvesWhenThePolicySaysSo() {
		this.fixture.given(declaredByAlert("fp1"))
			.when(new ResolveAlert(ID, AM, "fp1", null, false))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	@Test
	void alertClearingLeavesTheIncidentOpenAfterAHumanNote() {
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new TimelineNoteAdded(ID, "looking"), 2, "bob", "api", NOW.minusSeconds(30))))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	@Test
	void alertClearingLeavesTheIncidentOpenAfterAMitigation() {
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new MitigationApplied(ID, MitigationKind.ROLLBACK, "rolled back"), 2, "bob", "api",
							NOW.minusSeconds(30))))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	@Test
	void alertClearingLeavesAReopenedIncidentOpen() {
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new IncidentResolved(ID, "x"), 2, AM, AM, NOW.minusSeconds(30)),
					withOrigin(new IncidentReopened(ID, "back"), 3, "bob", "api", NOW.minusSeconds(20))))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	@Test
	void otherAlertClearingLeavesTheIncidentOpen() {
		this.fixture
			.given(events(declaredByAlert("fp1"), withOrigin(triggered("fp2"), 2, AM, AM, NOW.minusSeconds(30))))
			.when(new ResolveAlert(ID, AM, "fp2", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp2", null));
	}

	@Test
	void alertOnAHumanDeclaredIncidentNeverResolvesIt() {
		this.fixture.given(events(humanDeclared(), withOrigin(triggered("fp1"), 1, AM, AM, NOW.minusSeconds(30))))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	@Test
	void alertNotFiringCannotBeResolvedOrAcknowledged() {
		this.fixture.given(humanDeclared())
			.when(new ResolveAlert(ID, AM, "fp9", null, true))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
		this.fixture.given(humanDeclared())
			.when(new AcknowledgeAlert(ID, AM, "fp9"))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void alertAcknowledgedAtItsSenderIsRecordedOnceAndIsNoHumanAction() {
		this.fixture.given(declaredByAlert("fp1"))
			.when(new AcknowledgeAlert(ID, AM, "fp1"))
			.expectEvents(new AlertAcknowledged(ID, AM, "fp1"));
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new AlertAcknowledged(ID, AM, "fp1"), 2, AM, AM, NOW.minusSeconds(30))))
			.when(new AcknowledgeAlert(ID, AM, "fp1"))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new AlertAcknowledged(ID, AM, "fp1"), 2, AM, AM, NOW.minusSeconds(30))))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null),
					new IncidentResolved(ID, "resolved by alertmanager: the alert that opened it resolved"));
	}

	@Test
	void alertThatFiresAgainAfterResolvingIsRecordedAgain() {
		this.fixture
			.given(events(declaredByAlert("fp1"),
					withOrigin(new AlertResolved(ID, AM, "fp1", null), 2, AM, AM, NOW.minusSeconds(30))))
			.when(new TriggerAlert(ID, alert("fp1")))
			.expectEvents(triggered("fp1"));
	}

	/**
	 * The declaration says which alert opened the incident; nothing is inferred from when
	 * and by whom the alert's own event was recorded.
	 */
	@Test
	void openingAlertResolvesTheIncidentWhateverItsTriggerLooksLike() {
		this.fixture
			.given(withOrigin(new IncidentDeclared(ID, "HighErrorRate", Severity.SEV_1, List.of("checkout"), FIRED_AT,
					null, new OpeningAlert(AM, "fp1")), 0, AM, AM, DECLARED_AT),
					withOrigin(triggered("fp2"), 1, AM, AM, DECLARED_AT.plusSeconds(1)),
					withOrigin(triggered("fp1"), 2, AM, AM, DECLARED_AT.plusSeconds(2)))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null),
					new IncidentResolved(ID, "resolved by alertmanager: the alert that opened it resolved"));
	}

	/**
	 * A declaration stored before v2 never recorded its opening alert, even when an alert
	 * made it in the same command as its trigger: that alert clearing leaves the incident
	 * to people.
	 */
	@Test
	void declarationStoredBeforeItsOpeningAlertWasRecordedIsNotResolvedByAnAlert() {
		this.fixture
			.given(withOrigin(
					new IncidentDeclared(ID, "HighErrorRate", Severity.SEV_1, List.of("checkout"), FIRED_AT, null), 0,
					AM, AM, DECLARED_AT), withOrigin(triggered("fp1"), 1, AM, AM, DECLARED_AT))
			.when(new ResolveAlert(ID, AM, "fp1", null, true))
			.expectEvents(new AlertResolved(ID, AM, "fp1", null));
	}

	private static List<Object> events(List<Object> first, Object... more) {
		List<Object> all = new java.util.ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

	private static FiringAlert alert(String key) {
		return new FiringAlert(AM, key, "5xx rate above 5%", "critical", Map.of("service", "checkout"), FIRED_AT,
				"http://prometheus/graph");
	}

	private static AlertTriggered triggered(String key) {
		return new AlertTriggered(ID, AM, key, "5xx rate above 5%", "critical", Map.of("service", "checkout"), FIRED_AT,
				"http://prometheus/graph");
	}

	private static List<Object> declaredByAlert(String key) {
		return List.of(
				withOrigin(new IncidentDeclared(ID, "HighErrorRate", Severity.SEV_1, List.of("checkout"), FIRED_AT,
						null, new OpeningAlert(AM, key)), 0, AM, AM, DECLARED_AT),
				withOrigin(triggered(key), 1, AM, AM, DECLARED_AT));
	}

	private static List<Object> humanDeclared() {
		return List.of(withOrigin(
				new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"), FIRED_AT, null), 0,
				"alice", "web", DECLARED_AT));
	}

	private static Object withOrigin(Object payload, long sequence, String actor, String source, Instant at) {
		return new GenericDomainEventMessage<>("Incident", ID.toString(), sequence, payload,
				MetaData.with("actor", actor)
					.and("source", source)
					.and("occurredAt", Timestamps.format(at))
					.and("recordedAt", Timestamps.format(at)));
	}

}
