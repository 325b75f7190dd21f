package io.incidenttimeline.query.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_2;
import static io.incidenttimeline.events.Severity.SEV_3;
import static io.incidenttimeline.events.Severity.SEV_4;
import static org.assertj.core.api.Assertions.assertThat;

class CadenceTest {

	private static final Instant DECLARED = Instant.parse("2026-11-21T08:00:00.000001Z");

	@Test
	void eachSeverityOwesAnUpdateAtItsOwnCadence() {
		assertThat(Cadence.of(SEV_1)).contains(Duration.ofMinutes(15));
		assertThat(Cadence.of(SEV_2)).contains(Duration.ofMinutes(30));
		assertThat(Cadence.of(SEV_3)).contains(Duration.ofMinutes(60));
		assertThat(Cadence.of(SEV_4)).isEmpty();
	}

	@Test
	void withoutAPublicUpdateTheCadenceRunsFromTheDeclaration() {
		assertThat(Cadence.dueAt(SEV_1, DECLARED, null)).contains(DECLARED.plusSeconds(15 * 60));
		assertThat(Cadence.overdueBy(SEV_1, DECLARED, null, DECLARED.plusSeconds(16 * 60)))
			.contains(Duration.ofMinutes(1));
	}

	@Test
	void theLastPublicUpdateRestartsTheCadence() {
		Instant updated = DECLARED.plusSeconds(10 * 60);

		assertThat(Cadence.overdueBy(SEV_2, DECLARED, updated, DECLARED.plusSeconds(35 * 60))).isEmpty();
		assertThat(Cadence.overdueBy(SEV_2, DECLARED, updated, DECLARED.plusSeconds(41 * 60)))
			.contains(Duration.ofMinutes(1));
	}

	@Test
	void exactlyAtTheDueTimeIsNotYetOverdue() {
		assertThat(Cadence.overdueBy(SEV_3, DECLARED, null, DECLARED.plusSeconds(60 * 60))).isEmpty();
	}

	@Test
	void aSev4IsNeverOverdue() {
		assertThat(Cadence.overdueBy(SEV_4, DECLARED, null, DECLARED.plus(Duration.ofDays(30)))).isEmpty();
	}

	@Test
	void anOverdueIncidentIsListedWithItsDueTimeAndHowLate() {
		PublicIncident incident = incident(SEV_1, DECLARED.plusSeconds(60));

		OverdueUpdates.Overdue overdue = OverdueUpdates.overdue(incident, DECLARED.plusSeconds(30 * 60)).orElseThrow();

		assertThat(overdue.incidentId()).isEqualTo(incident.id());
		assertThat(overdue.severity()).isEqualTo("SEV-1");
		assertThat(overdue.lastPublicUpdateAt()).isEqualTo(DECLARED.plusSeconds(60));
		assertThat(overdue.dueAt()).isEqualTo(DECLARED.plusSeconds(16 * 60));
		assertThat(overdue.overdueBy()).isEqualTo("PT14M");
		assertThat(overdue.overdueBySeconds()).isEqualTo(14 * 60);
	}

	private static PublicIncident incident(Severity severity, Instant lastPublicUpdate) {
		return new PublicIncident(UUID.randomUUID(), "Checkout fails", severity, IncidentStatus.INVESTIGATING,
				List.of("checkout"), DECLARED, DECLARED.minusSeconds(300), null, null, lastPublicUpdate,
				lastPublicUpdate);
	}

}
