package io.incidenttimeline.query.web;

import java.time.Instant;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters and path variables bind to the typed values of the event vocabulary:
 * a controller declares {@code IncidentId}, {@code Severity} or {@code Instant} (or a
 * parameter record of them) and never parses text itself. A text that does not convert is
 * reported with {@link ParameterMessages}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, IncidentId.class, (Converter<String, IncidentId>) IncidentId::parse);
		registry.addConverter(String.class, Severity.class,
				(Converter<String, Severity>) (text) -> Severity.fromLabel(text.trim()));
		registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) Timestamps::parse);
	}

}
