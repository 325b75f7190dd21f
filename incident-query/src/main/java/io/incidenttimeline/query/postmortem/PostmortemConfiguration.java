package io.incidenttimeline.query.postmortem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy settings and the Prometheus gauges, read from the tables at each scrape:
 * {@code incident_action_items_open}, {@code incident_action_items_overdue} (open past
 * their due date, UTC) and {@code incident_postmortems_overdue} (owed under the policy
 * and not published by their due time).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostmortemSettings.class)
class PostmortemConfiguration {

	@Bean
	InitializingBean postmortemGauges(MeterRegistry registry, PostmortemRepository postmortems, DuePostmortems due,
			Clock clock) {
		return () -> {
			Gauge
				.builder("incident.action.items.open", postmortems,
						(repository) -> repository.countActionItems(Postmortem.ActionItem.OPEN))
				.description("Action items neither completed nor dropped")
				.register(registry);
			Gauge
				.builder("incident.action.items.overdue", postmortems,
						(repository) -> repository
							.countOverdueActionItems(LocalDate.now(clock.withZone(ZoneOffset.UTC))))
				.description("Open action items past their due date (UTC)")
				.register(registry);
			Gauge.builder("incident.postmortems.overdue", due, (list) -> list.overdueCount())
				.description("Postmortems owed under the policy and not published by their due time")
				.register(registry);
		};
	}

}
