package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.events.Visibility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final IncidentId ID = new IncidentId(java.util.UUID.fromString("0b6f2d1e-8a4c-4f7e-9d21-5c3a7e9b1f04"));

	static final Instant IMPACT = NOW.minusSeconds(600);

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = IncidentFixtures.fixtureAt(NOW);
	}

	@Test
	void declaringRecordsTheDeclarationAsSequenceOneWithWhoWhenAndWhere() {
		Instant occurredAt = NOW.minusSeconds(300);
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"), IMPACT, "alice",
					"alice", null, "web", occurredAt))
			.expectEvents(GenericEventMessage
				.asEventMessage(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"), IMPACT,
						"alice"))
				.withMetaData(Map.of("actor", "alice", "source", "web", "occurredAt", Timestamps.format(occurredAt),
						"recordedAt", Timestamps.format(NOW))))
			.expectResultMessagePayload(new CommandResult(ID, 1, NOW));
	}

	@Test
	void impactStartDefaultsToWhenTheDeclarationOccurred() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), null, null, "alice",
					null, "api", null))
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), NOW, null));
	}

	@Test
	void impactStartInTheFutureIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), NOW.plusSeconds(3600),
					null, "alice", null, "api", null))
			.expectNoEvents()
			.expectException(invalidField("impactStartedAt"));
	}

	@Test
	void occurredAtBeyondTheClockSkewIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), null, null, "alice",
					null, "api", NOW.plus(Incident.CLOCK_SKEW).plusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void occurredAtWithinTheClockSkewIsAccepted() {
		Instant slightlyAhead = NOW.plusSeconds(30);
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "rolled back", "bob", null, "api", slightlyAhead))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new TimelineNoteAdded(ID, "rolled back"));
	}

	@Test
	void occurredAtBeforeTheImpactStartedIsRejected() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "too early", "bob", null, "api", IMPACT.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void declarationBeforeTheImpactStartedIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), IMPACT, null, "alice",
					null, "api", IMPACT.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void blankTitleIsRejectedNamingTheField() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, " ", Severity.SEV_2, List.of("checkout"), null, null, "alice", null, "api",
					null))
			.expectNoEvents()
			.expectException(invalidField("title"));
	}

	@Test
	void severityChangeRecordsFromAndToAsTheNextSequence() {
		this.fixture.given(declared())
			.when(new ChangeSeverity(ID, Severity.SEV_2, "contained", "bob", null, "api", null, true))
			.expectEvents(new SeverityChanged(ID, Severity.SEV_1, Severity.SEV_2, "contained"))
			.expectResultMessagePayload(new CommandResult(ID, 2, NOW));
	}

	@Test
	void aResponderMayRaiseTheSeverity() {
		this.fixture.given(new IncidentDeclared(ID, "Checkout slow", Severity.SEV_3, List.of("checkout"), IMPACT, null))
			.when(new ChangeSeverity(ID, Severity.SEV_2, "spreading", "alice", null, "api", null, false))
			.expectEvents(new SeverityChanged(ID, Severity.SEV_3, Severity.SEV_2, "spreading"));
	}

	@Test
	void onlyACommanderMayLowerTheSeverity() {
		this.fixture.given(declared())
			.when(new ChangeSeverity(ID, Severity.SEV_3, "contained", "alice", null, "api", null, false))
			.expectNoEvents()
			.expectException(NotAllowedException.class);
	}

	@Test
	void theActorsDisplayNameIsRecordedBesideTheActor() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "looking", "victor", "Victor Nguyễn", "incident-cli", null))
			.expectEvents(GenericEventMessage.asEventMessage(new TimelineNoteAdded(ID, "looking"))
				.withMetaData(Map.of("actor", "victor", "actorName", "Victor Nguyễn", "source", "incident-cli",
						"occurredAt", Timestamps.format(NOW), "recordedAt", Timestamps.format(NOW))));
	}

	@Test
	void severityChangeToTheSameValueIsRejected() {
		this.fixture.given(declared())
			.when(new ChangeSeverity(ID, Severity.SEV_1, null, "bob", null, "api", null, true))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void firstAcknowledgementIsRecorded() {
		this.fixture.given(declared())
			.when(new AcknowledgeIncident(ID, "bob", null, "pagerduty", null))
			.expectEvents(new IncidentAcknowledged(ID))
			.expectResultMessagePayload(new CommandResult(ID, 2, NOW));
	}

	@Test
	void laterAcknowledgementRecordsNothingAndAnswersWithTheFirst() {
		Instant firstRecordedAt = NOW.minusSeconds(60);
		this.fixture
			.given(declared(), withRecordedAt(new IncidentAcknowledged(ID), firstRecordedAt),
					new TimelineNoteAdded(ID, "looking"))
			.when(new AcknowledgeIncident(ID, "carol", null, "api", null))
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 2, firstRecordedAt));
	}

	@Test
	void statusMovesForwardAndMaySkip() {
		this.fixture.given(declared())
			.when(new ChangeStatus(ID, IncidentStatus.MONITORING, "bob", null, "api", null))
			.expectEvents(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING));
	}

	@Test
	void statusChangeToTheSameStatusIsRejected() {
		this.fixture.given(declared())
			.when(new ChangeStatus(ID, IncidentStatus.INVESTIGATING, "bob", null, "api", null))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void statusMayGoBackFromMonitoringWhenAMitigationDidNotHold() {
		this.fixture.given(declared(), new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING))
			.when(new ChangeStatus(ID, IncidentStatus.INVESTIGATING, "bob", null, "api", null))
			.expectEvents(new StatusChanged(ID, IncidentStatus.MONITORING, IncidentStatus.INVESTIGATING));
	}

	@Test
	void statusMayNotGoBackFromIdentified() {
		this.fixture.given(declared(), new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED))
			.when(new ChangeStatus(ID, IncidentStatus.INVESTIGATING, "bob", null, "api", null))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void resolvedIsReachableOnlyThroughResolution() {
		this.fixture.given(declared())
			.when(new ChangeStatus(ID, IncidentStatus.RESOLVED, "bob", null, "api", null))
			.expectNoEvents()
			.expectException(invalidField("status"));
	}

	@Test
	void resolutionResolvesAnOpenIncident() {
		this.fixture.given(declared())
			.when(new ResolveIncident(ID, "rolled back", "bob", null, "api", null))
			.expectEvents(new IncidentResolved(ID, "rolled back"))
			.expectResultMessagePayload(new CommandResult(ID, 2, NOW));
	}

	@ParameterizedTest
	@MethodSource("everythingButReopening")
	void resolvedIncidentRejectsEverythingButReopening(Object command) {
		this.fixture.given(declared(), new IncidentResolved(ID, null))
			.when(command)
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	static Stream<Object> everythingButReopening() {
		return Stream.of(new ChangeSeverity(ID, Severity.SEV_3, null, "bob", null, "api", null, true),
				new AcknowledgeIncident(ID, "bob", null, "api", null),
				new ChangeStatus(ID, IncidentStatus.IDENTIFIED, "bob", null, "api", null),
				new ApplyMitigation(ID, MitigationKind.ROLLBACK, "rolled back", "bob", null, "api", null),
				new AssignRole(ID, Role.SCRIBE, "dave", "bob", null, "api", null),
				new PostStatusUpdate(ID, Visibility.PUBLIC, "all good", "bob", null, "api", null),
				new AddTimelineNote(ID, "late note", "bob", null, "api", null),
				new ResolveIncident(ID, "again", "bob", null, "api", null));
	}

	@Test
	void openIncidentCannotBeReopened() {
		this.fixture.given(declared())
			.when(new ReopenIncident(ID, "again", "bob", null, "api", null))
			.expectNoEvents()
			.expectException(IncidentConflictException.class);
	}

	@Test
	void reopeningReturnsTheIncidentToInvestigating() {
		this.fixture.given(declared(), new IncidentResolved(ID, null), new IncidentReopened(ID, "errors are back"))
			.when(new ChangeStatus(ID, IncidentStatus.IDENTIFIED, "bob", null, "api", null))
			.expectEvents(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED))
			.expectResultMessagePayload(new CommandResult(ID, 4, NOW));
	}

	@Test
	void reopeningAResolvedIncidentIsRecorded() {
		this.fixture.given(declared(), new IncidentResolved(ID, null))
			.when(new ReopenIncident(ID, "errors are back", "bob", null, "api", null))
			.expectEvents(new IncidentReopened(ID, "errors are back"));
	}

	@Test
	void openIncidentTakesMitigationsRolesUpdatesAndNotes() {
		this.fixture.given(declared())
			.when(new ApplyMitigation(ID, MitigationKind.FEATURE_FLAG, "disabled new checkout", "bob", null, "api",
					null))
			.expectEvents(new MitigationApplied(ID, MitigationKind.FEATURE_FLAG, "disabled new checkout"));
		this.fixture.given(declared())
			.when(new AssignRole(ID, Role.COMMS_LEAD, "carol", "bob", null, "api", null))
			.expectEvents(new RoleAssigned(ID, Role.COMMS_LEAD, "carol"));
		this.fixture.given(declared())
			.when(new PostStatusUpdate(ID, Visibility.INTERNAL, "db failover running", "bob", null, "api", null))
			.expectEvents(new StatusUpdatePosted(ID, Visibility.INTERNAL, "db failover running"));
	}

	private static IncidentDeclared declared() {
		return new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"), IMPACT, null);
	}

	private static Object withRecordedAt(Object payload, Instant recordedAt) {
		return new GenericDomainEventMessage<>("Incident", ID.toString(), 0, payload,
				MetaData.with("recordedAt", Timestamps.format(recordedAt)));
	}

	private static Matcher<Throwable> invalidField(String field) {
		return new FeatureMatcher<>(org.hamcrest.Matchers.equalTo(field), "invalid command on field", "field") {
			@Override
			protected String featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid) ? invalid.field() : null;
			}
		};
	}

}
