package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static org.assertj.core.api.Assertions.assertThat;

class OverdueUpdatesTest {

	private static final Instant DECLARED = Instant.parse("2026-11-21T08:00:00.000001Z");

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
