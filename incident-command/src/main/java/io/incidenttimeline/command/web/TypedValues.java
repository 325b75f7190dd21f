package io.incidenttimeline.command.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import io.incidenttimeline.events.IncidentId;

import io.incidenttimeline.events.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * How the text of a path variable or a request parameter becomes a typed value, and the
 * one wording a client reads when it cannot, wherever the value came from (path, query or
 * JSON body): a bad incident id always "must be a UUID", a bad timestamp always
 * {@link Timestamps#EXPECTED}. Enum values are spelled as in JSON bodies.
 */
@Component
class TypedValues {

	private final JsonMapper json;

	TypedValues(JsonMapper json) {
		this.json = json;
	}

	void registerConverters(FormatterRegistry registry) {
		registry.addConverter(String.class, IncidentId.class, IncidentId::parse);
		registry.addConverter(String.class, Instant.class, Timestamps::parse);
		registry.addConverterFactory(new JsonSpelledEnums());
	}

	/**
	 * What a value of this type must look like, for a client that sent {@code value}.
	 */
	String expectation(Class<?> type, Object value) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == IncidentId.class || boxed == UUID.class) {
			return "must be a UUID";
		}
		if (boxed == Instant.class) {
			return "must be " + Timestamps.EXPECTED;
		}
		if (boxed == LocalDate.class) {
			return "must be a date, yyyy-MM-dd";
		}
		if (boxed.isEnum()) {
			return "must be one of " + Arrays.stream(boxed.getEnumConstants())
				.map((constant) -> this.json.convertValue(constant, String.class))
				.collect(Collectors.joining(", "));
		}
		if (boxed == Boolean.class) {
			return "must be true or false";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "must be a number";
		}
		return "has an unacceptable value: " + value;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private final class JsonSpelledEnums implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
			return (text) -> {
				try {
					return TypedValues.this.json.convertValue(text.trim(), targetType);
				}
				catch (RuntimeException ex) {
					throw new IllegalArgumentException(text + " is not a " + targetType.getSimpleName(), ex);
				}
			};
		}

	}

}
