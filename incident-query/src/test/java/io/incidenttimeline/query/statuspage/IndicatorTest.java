package io.incidenttimeline.query.statuspage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_2;
import static io.incidenttimeline.events.Severity.SEV_3;
import static io.incidenttimeline.events.Severity.SEV_4;
import static org.assertj.core.api.Assertions.assertThat;

class IndicatorTest {

	@Test
	void noOpenIncidentMeansAllSystemsOperational() {
		Indicator indicator = Indicator.worst(List.of());

		assertThat(indicator.wire()).isEqualTo("none");
		assertThat(indicator.description()).isEqualTo("All Systems Operational");
	}

	@Test
	void eachSeverityMapsToStatuspagesIndicatorAndDescription() {
		assertThat(Indicator.of(SEV_1).wire()).isEqualTo("critical");
		assertThat(Indicator.of(SEV_1).description()).isEqualTo("Major System Outage");
		assertThat(Indicator.of(SEV_2).wire()).isEqualTo("major");
		assertThat(Indicator.of(SEV_2).description()).isEqualTo("Partial System Outage");
		assertThat(Indicator.of(SEV_3).wire()).isEqualTo("minor");
		assertThat(Indicator.of(SEV_3).description()).isEqualTo("Minor Service Outage");
		assertThat(Indicator.of(SEV_4).wire()).isEqualTo("minor");
	}

	@Test
	void theWorstOpenIncidentSetsThePagesIndicator() {
		assertThat(Indicator.worst(List.of(SEV_3, SEV_2, SEV_4))).isEqualTo(Indicator.MAJOR);
		assertThat(Indicator.worst(List.of(SEV_2, SEV_1))).isEqualTo(Indicator.CRITICAL);
		assertThat(Indicator.worst(List.of(SEV_4))).isEqualTo(Indicator.MINOR);
	}

}
