package io.incidenttimeline.command.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.incidenttimeline.events.Timestamps;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static {
		// The actor comes from headers, not from query parameters as its shape would
		// suggest.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActorArgumentResolver());
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(JsonMapper jsonMapper) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	/**
	 * Every timestamp we write has six fraction digits in UTC; every one we read may have
	 * any offset and precision and is kept to the microsecond.
	 */
	@Bean
	JsonMapperBuilderCustomizer timestamps() {
		SimpleModule module = new SimpleModule("incident-timestamps");
		module.addSerializer(Instant.class, new ValueSerializer<>() {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(Timestamps.format(value));
			}
		});
		module.addDeserializer(Instant.class, new ValueDeserializer<>() {
			@Override
			public Instant deserialize(JsonParser parser, DeserializationContext context) {
				String text = parser.getValueAsString();
				if (text == null) {
					return (Instant) context.handleUnexpectedToken(Instant.class, parser);
				}
				try {
					return Timestamps.parse(text);
				}
				catch (DateTimeParseException ex) {
					throw context.weirdStringException(text, Instant.class,
							"not an RFC 3339 timestamp such as 2026-11-23T03:28:11.042917Z");
				}
			}
		});
		return (builder) -> builder.addModule(module);
	}

}
