package io.incidenttimeline.query.statuspage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_2;
import static io.incidenttimeline.events.Severity.SEV_3;
import static io.incidenttimeline.events.Severity.SEV_4;
import static org.assertj.core.api.Assertions.assertThat;

class ComponentStatusTest {

	@Test
	void eachSeverityMapsToStatuspagesComponentStatus() {
		assertThat(ComponentStatus.of(SEV_1).wire()).isEqualTo("major_outage");
		assertThat(ComponentStatus.of(SEV_2).wire()).isEqualTo("partial_outage");
		assertThat(ComponentStatus.of(SEV_3).wire()).isEqualTo("degraded_performance");
		assertThat(ComponentStatus.of(SEV_4).wire()).isEqualTo("degraded_performance");
	}

	@Test
	void noOpenIncidentLeavesAComponentOperational() {
		assertThat(ComponentStatus.worst(List.of())).isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(ComponentStatus.OPERATIONAL.wire()).isEqualTo("operational");
	}

	@Test
	void theWorstOpenIncidentWins() {
		assertThat(ComponentStatus.worst(List.of(SEV_4, SEV_1, SEV_3))).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(ComponentStatus.worst(List.of(SEV_3, SEV_2))).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(ComponentStatus.worst(List.of(SEV_4, SEV_3))).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
	}

	@Test
	void wireNamesReadBack() {
		for (ComponentStatus status : ComponentStatus.values()) {
			assertThat(ComponentStatus.fromWire(status.wire())).isEqualTo(status);
		}
	}

}
