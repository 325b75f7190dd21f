package io.incidenttimeline.query;

import java.time.Instant;

import io.incidenttimeline.events.Timestamps;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

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
		SimpleModule timestamps = new SimpleModule("incident-timestamps");
		timestamps.addSerializer(Instant.class, new ValueSerializer<Instant>() {
			@Override
			public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
				gen.writeString(Timestamps.format(value));
			}
		});
		return (builder) -> builder.addModule(timestamps);
	}

}
