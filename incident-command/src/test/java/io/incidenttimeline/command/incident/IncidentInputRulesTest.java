package io.incidenttimeline.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.OpeningAlert;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.events.Visibility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the incident accepts, whichever path a command takes (issue #9): text every view
 * can hold, services named once and not too many, timestamps within the window, and
 * moments in their logical order.
 */
class IncidentInputRulesTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final IncidentId ID = new IncidentId(UUID.fromString("3d9f7a2c-1b4e-4c8d-9e0f-7a6b5c4d3e2f"));

	static final Instant IMPACT = NOW.minusSeconds(3600);

	static final Instant DECLARED_AT = NOW.minusSeconds(1800);

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = fixture(IncidentLimits.defaults());
	}

	@Test
	void duplicateServicesAreRejectedNamingEachRepeat() {
		this.fixture.givenNoPriorActivity()
			.when(declare(List.of("checkout", "payments", "checkout"), null, null))
			.expectNoEvents()
			.expectException(
					invalid(Map.of("services[2]", "services[2] must be unique: services[0] names the same service")));
	}

	@Test
	void moreServicesThanTheConfiguredLimitAreRejected() {
		fixture(new IncidentLimits(2, IncidentLimits.defaults().earliestTimestamp())).givenNoPriorActivity()
			.when(declare(List.of("a", "b", "c"), null, null))
			.expectNoEvents()
			.expectException(invalidField("services"));
	}

	@Test
	void twentyServicesAreAcceptedByDefault() {
		List<String> services = IntStream.rangeClosed(1, 20).mapToObj((i) -> "service-" + i).toList();
		this.fixture.givenNoPriorActivity()
			.when(declare(services, null, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, services, NOW, null));
	}

	@Test
	void serviceOnTwoLinesIsRejectedNamingItsIndex() {
		this.fixture.givenNoPriorActivity()
			.when(declare(List.of("checkout", "pay\nments"), null, null))
			.expectNoEvents()
			.expectException(invalidField("services[1]"));
	}

	@Test
	void nulInAPublicStatusUpdateIsRejectedNamingBody() {
		this.fixture.given(declared())
			.when(new PostStatusUpdate(ID, Visibility.PUBLIC, "We are \u0000 on it", "carol", null, "api", null))
			.expectNoEvents()
			.expectException(invalidField("body"));
	}

	@Test
	void unpairedSurrogateIsRejectedNamingTheField() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "broken \uD83D emoji", "dave", null, "api", null))
			.expectNoEvents()
			.expectException(invalidField("note"));
	}

	@Test
	void proseMaySpanLines() {
		this.fixture.given(declared())
			.when(new PostStatusUpdate(ID, Visibility.PUBLIC, "We rolled back.\r\nMonitoring.\tETA 10 min", "carol",
					null, "api", null))
			.expectEvents(new StatusUpdatePosted(ID, Visibility.PUBLIC, "We rolled back.\r\nMonitoring.\tETA 10 min"));
	}

	@Test
	void everyTextProblemOfACommandIsNamedAtOnce() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncident(ID, "Checkout\tfails", Severity.SEV_1, List.of("checkout"), null, "ali\u0007ce",
					"alice", null, "api", null))
			.expectNoEvents()
			.expectException(invalidFields(List.of("title", "commander")));
	}

	@Test
	void actorWithAControlCharacterIsRejected() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "looking", "bob\u0085", null, "api", null))
			.expectNoEvents()
			.expectException(invalidField("actor"));
	}

	@Test
	void displayNameWithAControlCharacterIsRejected() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "looking", "bob", "Bob\nSmith", "api", null))
			.expectNoEvents()
			.expectException(invalidField("actorName"));
	}

	@Test
	void impactStartBeforeTheEarliestTimestampIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(List.of("checkout"), Instant.parse("0226-11-23T09:58:30Z"), null))
			.expectNoEvents()
			.expectException(invalidField("impactStartedAt"));
	}

	@Test
	void occurredAtBeforeTheEarliestTimestampIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(List.of("checkout"), null, Instant.parse("1999-12-31T23:59:59Z")))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "from the archive", "bob", null, "api",
					Instant.parse("1999-12-31T23:59:59Z")))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void earliestTimestampItselfIsAccepted() {
		Instant earliest = IncidentLimits.defaults().earliestTimestamp();
		this.fixture.givenNoPriorActivity()
			.when(declare(List.of("checkout"), earliest, earliest))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void acknowledgementBeforeDetectionIsRejected() {
		this.fixture.given(declared())
			.when(new AcknowledgeIncident(ID, "bob", null, "api", DECLARED_AT.minusSeconds(60)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void acknowledgementAfterAnAlertDetectedTheIncidentBeforeItsDeclarationIsAccepted() {
		Instant alertReceivedAt = DECLARED_AT.minusSeconds(600);
		this.fixture
			.given(declared(),
					at(new AlertTriggered(ID, "alertmanager", "fp1", "5xx above 5%", "critical", Map.of(), IMPACT,
							null), 1, alertReceivedAt))
			.when(new AcknowledgeIncident(ID, "bob", null, "api", alertReceivedAt.plusSeconds(60)))
			.expectEvents(new IncidentAcknowledged(ID));
	}

	@Test
	void identificationAndMonitoringBeforeDetectionAreRejected() {
		for (IncidentStatus status : List.of(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING)) {
			this.fixture.given(declared())
				.when(new ChangeStatus(ID, status, "bob", null, "api", DECLARED_AT.minusSeconds(1)))
				.expectNoEvents()
				.expectException(invalidField("occurredAt"));
		}
	}

	@Test
	void identificationAtDetectionIsAccepted() {
		this.fixture.given(declared())
			.when(new ChangeStatus(ID, IncidentStatus.IDENTIFIED, "bob", null, "api", DECLARED_AT))
			.expectEvents(new StatusChanged(ID, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED));
	}

	@Test
	void mitigationBeforeDetectionIsRejected() {
		this.fixture.given(declared())
			.when(new ApplyMitigation(ID, MitigationKind.ROLLBACK, "rolled back", "bob", null, "api",
					DECLARED_AT.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void mitigationAfterDetectionIsAccepted() {
		this.fixture.given(declared())
			.when(new ApplyMitigation(ID, MitigationKind.ROLLBACK, "rolled back", "bob", null, "api",
					DECLARED_AT.plusSeconds(1)))
			.expectEvents(new MitigationApplied(ID, MitigationKind.ROLLBACK, "rolled back"));
	}

	@Test
	void resolutionBeforeTheDeclarationIsRejected() {
		this.fixture.given(declared())
			.when(new ResolveIncident(ID, "fixed", "bob", null, "api", DECLARED_AT.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
	}

	@Test
	void notesMayStillBeBackdatedToTheImpactStart() {
		this.fixture.given(declared())
			.when(new AddTimelineNote(ID, "first errors in the logs", "bob", null, "api", IMPACT))
			.expectEvents(new TimelineNoteAdded(ID, "first errors in the logs"));
	}

	@Test
	void reopeningBeforeTheResolutionItReopensIsRejected() {
		Instant resolvedAt = NOW.minusSeconds(300);
		this.fixture.given(declared(), at(new IncidentResolved(ID, "fixed"), 1, resolvedAt))
			.when(new ReopenIncident(ID, "errors are back", "bob", null, "api", resolvedAt.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalidField("occurredAt"));
		this.fixture.given(declared(), at(new IncidentResolved(ID, "fixed"), 1, resolvedAt))
			.when(new ReopenIncident(ID, "errors are back", "bob", null, "api", resolvedAt.plusSeconds(1)))
			.expectEvents(new IncidentReopened(ID, "errors are back"));
	}

	@Test
	void alertTextIsNamedAsTheCommandsAlertField() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncidentForAlert(ID, "HighErrorRate", Severity.SEV_1, List.of("checkout"), IMPACT,
					new FiringAlert("alertmanager", "fp1", "5xx \u0000 above 5%", "critical",
							Map.of("team", "pay\nments"), IMPACT, null)))
			.expectNoEvents()
			.expectException(invalidFields(List.of("alert.summary", "alert.labels.team")));
	}

	@Test
	void alertFiredBeforeTheEarliestTimestampIsRejected() {
		Instant ancient = Instant.parse("0001-01-01T00:00:00Z");
		this.fixture.given(declared())
			.when(new TriggerAlert(ID,
					new FiringAlert("alertmanager", "fp1", "5xx above 5%", "critical", Map.of(), ancient, null)))
			.expectNoEvents()
			.expectException(invalidField("alert.firedAt"));
	}

	@Test
	void alertResolvedBeforeTheEarliestTimestampIsRejected() {
		this.fixture
			.given(declared(),
					at(new AlertTriggered(ID, "alertmanager", "fp1", "5xx above 5%", "critical", Map.of(), IMPACT,
							null), 1, DECLARED_AT))
			.when(new ResolveAlert(ID, "alertmanager", "fp1", Instant.parse("0001-01-01T00:00:00Z"), true))
			.expectNoEvents()
			.expectException(invalidField("resolvedAt"));
	}

	@Test
	void alertDeclarationsKeepTheServicesRules() {
		this.fixture.givenNoPriorActivity()
			.when(new DeclareIncidentForAlert(ID, "HighErrorRate", Severity.SEV_1, List.of("checkout", "checkout"),
					IMPACT, new FiringAlert("alertmanager", "fp1", "5xx above 5%", "critical", Map.of(), IMPACT, null)))
			.expectNoEvents()
			.expectException(invalidField("services[1]"));
	}

	private static FixtureConfiguration<Incident> fixture(IncidentLimits limits) {
		FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
		fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
		fixture.registerInjectableResource(limits);
		return fixture;
	}

	private static DeclareIncident declare(List<String> services, Instant impactStartedAt, Instant occurredAt) {
		return new DeclareIncident(ID, "Checkout fails", Severity.SEV_1, services, impactStartedAt, null, "alice", null,
				"api", occurredAt);
	}

	/**
	 * Declared by a person at {@link #DECLARED_AT}, impact from {@link #IMPACT}.
	 */
	private static Object declared() {
		return at(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"), IMPACT, null), 0,
				DECLARED_AT);
	}

	private static Object at(Object payload, long sequence, Instant occurredAt) {
		return new GenericDomainEventMessage<>("Incident", ID.toString(), sequence, payload,
				MetaData.with("actor", "alice")
					.and("source", "api")
					.and("occurredAt", Timestamps.format(occurredAt))
					.and("recordedAt", Timestamps.format(occurredAt)));
	}

	private static Matcher<Throwable> invalidField(String field) {
		return new FeatureMatcher<>(Matchers.equalTo(field), "invalid command on field", "field") {
			@Override
			protected String featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid) ? invalid.field() : null;
			}
		};
	}

	private static Matcher<Throwable> invalidFields(List<String> fields) {
		return new FeatureMatcher<>(Matchers.equalTo(fields), "invalid command on fields", "fields") {
			@Override
			protected List<String> featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid)
						? invalid.violations().stream().map(InvalidCommandException.Violation::field).toList() : null;
			}
		};
	}

	private static Matcher<Throwable> invalid(Map<String, String> messages) {
		return new FeatureMatcher<>(Matchers.equalTo(messages), "invalid command with", "violations") {
			@Override
			protected Map<String, String> featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid) ? invalid.violations()
					.stream()
					.collect(java.util.stream.Collectors.toMap(InvalidCommandException.Violation::field,
							InvalidCommandException.Violation::message))
						: null;
			}
		};
	}

}
