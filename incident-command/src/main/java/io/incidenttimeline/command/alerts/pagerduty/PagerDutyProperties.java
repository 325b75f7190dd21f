package io.incidenttimeline.command.alerts.pagerduty;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.alerts.pagerduty.*}: the routing keys are the credentials;
 * each has its own token bucket of {@code burst} events refilled at
 * {@code eventsPerMinute}.
 */
@ConfigurationProperties("incident-timeline.alerts.pagerduty")
record PagerDutyProperties(List<String> routingKeys, @DefaultValue("120") int eventsPerMinute,
		@DefaultValue("60") int burst) {

	PagerDutyProperties {
		routingKeys = (routingKeys == null) ? List.of() : List.copyOf(routingKeys);
	}

}
