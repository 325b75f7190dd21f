package io.incidenttimeline.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateCadenceTest {

	private static final Instant DECLARED = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void sev1IsOverdueFifteenMinutesAfterTheLastPublicUpdate() {
		BoardIncident incident = incident(Severity.SEV_1, IncidentStatus.IDENTIFIED, DECLARED.plusSeconds(600));

		assertThat(UpdateCadence.overdueBy(incident, DECLARED.plusSeconds(600 + 15 * 60))).isEmpty();
		assertThat(UpdateCadence.overdueBy(incident, DECLARED.plusSeconds(600 + 16 * 60)))
			.contains(Duration.ofMinutes(1));
	}

	@Test
	void withoutAPublicUpdateTheCadenceRunsFromTheDeclaration() {
		BoardIncident sev2 = incident(Severity.SEV_2, IncidentStatus.INVESTIGATING, null);
		BoardIncident sev3 = incident(Severity.SEV_3, IncidentStatus.INVESTIGATING, null);
		Instant now = DECLARED.plus(Duration.ofMinutes(45));

		assertThat(UpdateCadence.overdueBy(sev2, now)).contains(Duration.ofMinutes(15));
		assertThat(UpdateCadence.overdueBy(sev3, now)).isEmpty();
		assertThat(UpdateCadence.overdueBy(sev3, DECLARED.plus(Duration.ofMinutes(61)))).isPresent();
	}

	@Test
	void sev4AndResolvedIncidentsAreNeverOverdue() {
		Instant muchLater = DECLARED.plus(Duration.ofDays(2));

		assertThat(UpdateCadence.overdueBy(incident(Severity.SEV_4, IncidentStatus.INVESTIGATING, null), muchLater))
			.isEmpty();
		assertThat(UpdateCadence.overdueBy(incident(Severity.SEV_1, IncidentStatus.RESOLVED, null), muchLater))
			.isEmpty();
	}

	@Test
	void boardRowShowsAgesAndTheOverdueFlag() {
		OpenIncident row = OpenIncident.of(incident(Severity.SEV_1, IncidentStatus.INVESTIGATING, null),
				DECLARED.plus(Duration.ofMinutes(80)));

		assertThat(row.sinceDeclared()).isEqualTo("1h 20m");
		assertThat(row.sinceLastPublicUpdate()).isNull();
		assertThat(row.overdue()).isTrue();
		assertThat(row.overdueBy()).isEqualTo("1h 05m");
	}

	private static BoardIncident incident(Severity severity, IncidentStatus status, Instant lastPublicUpdate) {
		return new BoardIncident(UUID.randomUUID(), "Checkout down", severity, status, "alice", DECLARED,
				lastPublicUpdate, DECLARED, 1);
	}

}
