package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.command.incident.IncidentFixtures.invalid;

/**
 * A declaration may state when and how the problem was first noticed (issue #11): the
 * detection lies between the impact start and the declaration, within the timestamp
 * window, and counts as the incident's detection when it is the earliest.
 */
class IncidentDetectionTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final IncidentId ID = new IncidentId(UUID.fromString("5e2d8c1a-7b3f-4a9e-8d6c-2f1e0a9b8c7d"));

	static final Instant IMPACT = NOW.minusSeconds(900);

	static final Instant DETECTED = NOW.minusSeconds(600);

	static final Instant DECLARED = NOW.minusSeconds(300);

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = IncidentFixtures.fixtureAt(NOW);
	}

	@Test
	void declarationRecordsTheStatedDetectionAndHowItHappened() {
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, DETECTED, DetectionMethod.DASHBOARD, DECLARED))
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), IMPACT, null,
					null, DETECTED, DetectionMethod.DASHBOARD));
	}

	@Test
	void bothAreOptionalAndIndependent() {
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, null, DetectionMethod.USER_REPORT, DECLARED))
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), IMPACT, null,
					null, null, DetectionMethod.USER_REPORT));
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, DETECTED, null, DECLARED))
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), IMPACT, null,
					null, DETECTED, null));
	}

	@Test
	void detectionMayBeTheDeclarationItself() {
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, DECLARED, DetectionMethod.OTHER, DECLARED))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void detectionAfterTheDeclarationIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, DECLARED.plusSeconds(1), DetectionMethod.DASHBOARD, DECLARED))
			.expectNoEvents()
			.expectException(invalid("detectedAt",
					"detectedAt must not be after the declaration (" + Timestamps.format(DECLARED) + ")"));
	}

	@Test
	void detectionBeforeTheImpactStartIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(IMPACT, IMPACT.minusSeconds(1), DetectionMethod.DASHBOARD, DECLARED))
			.expectNoEvents()
			.expectException(invalid("detectedAt",
					"detectedAt must not be before impactStartedAt (" + Timestamps.format(IMPACT) + ")"));
	}

	@Test
	void detectionOutsideTheTimestampWindowIsRejected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(null, Instant.parse("1999-12-31T23:59:59Z"), null, null))
			.expectNoEvents()
			.expectException(invalid("detectedAt", "detectedAt must not be before 2000-01-01T00:00:00.000000Z"));
		this.fixture.givenNoPriorActivity()
			.when(declare(null, NOW.plusSeconds(3600), null, null))
			.expectNoEvents()
			.expectException(invalid("detectedAt",
					"detectedAt must not be in the future (more than 2 minutes ahead of the server's clock)"));
	}

	@Test
	void withoutAnImpactStartTheImpactStartedWhenTheProblemWasDetected() {
		this.fixture.givenNoPriorActivity()
			.when(declare(null, DETECTED, DetectionMethod.SYNTHETIC_CHECK, DECLARED))
			.expectEvents(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), DETECTED,
					null, null, DETECTED, DetectionMethod.SYNTHETIC_CHECK));
	}

	@Test
	void theStatedDetectionIsWhenTheIncidentWasDetected() {
		Object declared = declaredAt(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"),
				IMPACT, null, null, DETECTED, DetectionMethod.DASHBOARD), DECLARED);
		this.fixture.given(declared)
			.when(new AcknowledgeIncident(ID, "bob", null, "api", DETECTED.plusSeconds(1)))
			.expectEvents(new IncidentAcknowledged(ID));
		this.fixture.given(declared)
			.when(new AcknowledgeIncident(ID, "bob", null, "api", DETECTED.minusSeconds(1)))
			.expectNoEvents()
			.expectException(invalid("occurredAt",
					"occurredAt must not be before the incident was detected (" + Timestamps.format(DETECTED) + ")"));
	}

	private static DeclareIncident declare(Instant impactStartedAt, Instant detectedAt, DetectionMethod method,
			Instant occurredAt) {
		return new DeclareIncident(ID, "Checkout fails", Severity.SEV_2, List.of("checkout"), impactStartedAt, null,
				detectedAt, method, "alice", null, "web", occurredAt);
	}

	static Object declaredAt(IncidentDeclared declared, Instant occurredAt) {
		return new GenericDomainEventMessage<>("Incident", declared.incidentId().toString(), 0, declared,
				MetaData.with(EventMetadata.OCCURRED_AT, Timestamps.format(occurredAt))
					.and(EventMetadata.RECORDED_AT, Timestamps.format(occurredAt)));
	}

}
