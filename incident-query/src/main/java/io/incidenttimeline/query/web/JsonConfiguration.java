package io.incidenttimeline.query.web;

import io.incidenttimeline.events.TimestampModules;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every timestamp in a response reads like the wire format: UTC with six fraction digits,
 * so a client can compare them as text and see the exact microsecond.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer timestampsAsWireText() {
		return (builder) -> builder.addModule(TimestampModules.jackson3());
	}

}
