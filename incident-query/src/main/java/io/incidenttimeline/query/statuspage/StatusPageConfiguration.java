package io.incidenttimeline.query.statuspage;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusPageSettings.class)
class StatusPageConfiguration {

	/**
	 * "Now" for the overdue list and the day history, never stored in the projection;
	 * tests replace it with a clock they control.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
