package io.incidenttimeline.command.alerts.pagerduty;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagerDutyPropertiesTest {

	@Test
	void routingKeysOfDisabledSwitchPagerDutyOff() {
		assertThat(new PagerDutyProperties(List.of("disabled"), 120, 60).routingKeys()).isEmpty();
	}

}
