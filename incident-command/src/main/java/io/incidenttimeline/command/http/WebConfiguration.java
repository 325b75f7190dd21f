package io.incidenttimeline.command.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import io.incidenttimeline.events.Timestamps;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
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

	/**
	 * Documents the headers that {@link ActorArgumentResolver} and
	 * {@link IdempotentCommands} read, on every operation that takes an {@link Actor}.
	 */
	@Bean
	OperationCustomizer requestHeaders() {
		return (operation, handlerMethod) -> {
			boolean acts = Arrays.stream(handlerMethod.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Actor.class);
			if (acts) {
				operation.addParametersItem(new HeaderParameter().name(ActorArgumentResolver.ACTOR_HEADER)
					.required(true)
					.description("who acts: 1 to 100 characters, no control characters")
					.schema(new StringSchema().minLength(1).maxLength(100)));
				operation.addParametersItem(new HeaderParameter().name(ActorArgumentResolver.SOURCE_HEADER)
					.description("the client or integration acting, default " + ActorArgumentResolver.DEFAULT_SOURCE)
					.schema(new StringSchema().pattern(ActorArgumentResolver.SOURCE_PATTERN)));
				operation.addParametersItem(new HeaderParameter().name(IdempotentCommands.HEADER)
					.description("a retry with the same key and body returns the first response and records nothing")
					.schema(new StringSchema().maxLength(255)));
			}
			return operation;
		};
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
