package io.incidenttimeline.events;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * {@link Timestamps} as Jackson modules: every {@link Instant} written as UTC with six
 * fraction digits, every one read from any RFC 3339 text and kept to the microsecond.
 * Jackson 2 for the wire format (the CloudEvents SDK and Axon use it), Jackson 3 for the
 * services' HTTP APIs (Spring Boot 4).
 */
public final class TimestampModules {

	static final String NAME = "incident-timestamps";

	private TimestampModules() {
	}

	public static com.fasterxml.jackson.databind.module.SimpleModule jackson2() {
		com.fasterxml.jackson.databind.module.SimpleModule module = new com.fasterxml.jackson.databind.module.SimpleModule(
				NAME);
		module.addSerializer(Instant.class, new JsonSerializer<>() {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializerProvider serializers)
					throws IOException {
				generator.writeString(Timestamps.format(value));
			}
		});
		return module;
	}

	public static tools.jackson.databind.module.SimpleModule jackson3() {
		tools.jackson.databind.module.SimpleModule module = new tools.jackson.databind.module.SimpleModule(NAME);
		module.addSerializer(Instant.class, new ValueSerializer<>() {
			@Override
			public void serialize(Instant value, tools.jackson.core.JsonGenerator generator,
					SerializationContext context) {
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
					throw context.weirdStringException(text, Instant.class, "must be " + Timestamps.EXPECTED);
				}
			}
		});
		return module;
	}

}
