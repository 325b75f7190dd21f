package io.incidenttimeline.query.statuspage;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_2;
import static io.incidenttimeline.events.Severity.SEV_3;
import static io.incidenttimeline.events.Severity.SEV_4;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateCadenceTest {

	private static final Instant DECLARED = Instant.parse("2026-11-21T08:00:00.000001Z");

	@Test
	void eachSeverityOwesAnUpdateAtItsOwnCadence() {
		assertThat(UpdateCadence.of(SEV_1)).contains(Duration.ofMinutes(15));
		assertThat(UpdateCadence.of(SEV_2)).contains(Duration.ofMinutes(30));
		assertThat(UpdateCadence.of(SEV_3)).contains(Duration.ofMinutes(60));
		assertThat(UpdateCadence.of(SEV_4)).isEmpty();
	}

	@Test
	void withoutAPublicUpdateTheCadenceRunsFromTheDeclaration() {
		assertThat(UpdateCadence.dueAt(SEV_1, DECLARED, null)).contains(DECLARED.plusSeconds(15 * 60));
		assertThat(UpdateCadence.overdueBy(SEV_1, DECLARED, null, DECLARED.plusSeconds(16 * 60)))
			.contains(Duration.ofMinutes(1));
	}

	@Test
	void theLastPublicUpdateRestartsTheCadence() {
		Instant updated = DECLARED.plusSeconds(10 * 60);

		assertThat(UpdateCadence.overdueBy(SEV_2, DECLARED, updated, DECLARED.plusSeconds(35 * 60))).isEmpty();
		assertThat(UpdateCadence.overdueBy(SEV_2, DECLARED, updated, DECLARED.plusSeconds(41 * 60)))
			.contains(Duration.ofMinutes(1));
	}

	@Test
	void exactlyAtTheDueTimeIsNotYetOverdue() {
		assertThat(UpdateCadence.overdueBy(SEV_3, DECLARED, null, DECLARED.plusSeconds(60 * 60))).isEmpty();
	}

	@Test
	void aSev4IsNeverOverdue() {
		assertThat(UpdateCadence.overdueBy(SEV_4, DECLARED, null, DECLARED.plus(Duration.ofDays(30)))).isEmpty();
	}

}
