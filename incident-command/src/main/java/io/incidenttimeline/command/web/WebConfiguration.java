package io.incidenttimeline.command.web;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.TimestampModules;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static {
		// An incident id travels as its UUID text, in paths and in bodies.
		SpringDocUtils.getConfig().replaceWithSchema(IncidentId.class, new StringSchema().format("uuid"));
	}

	private final TypedValues typedValues;

	private final jakarta.validation.Validator validator;

	WebConfiguration(TypedValues typedValues, jakarta.validation.Validator validator) {
		this.typedValues = typedValues;
		this.validator = validator;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		this.typedValues.registerConverters(registry);
	}

	@Override
	public Validator getValidator() {
		return new ParameterValidator(this.validator);
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
	 * any offset and precision and is kept to the microsecond. Static: the mapper it
	 * customizes is needed to build this configuration.
	 */
	@Bean
	static JsonMapperBuilderCustomizer timestamps() {
		return (builder) -> builder.addModule(TimestampModules.jackson3());
	}

}
