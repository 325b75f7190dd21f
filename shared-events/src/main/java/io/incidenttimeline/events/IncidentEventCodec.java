package io.incidenttimeline.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * The wire format, written once for both services: an {@link EventEnvelope} as a
 * CloudEvents 1.0 JSON structured-mode event.
 * <ul>
 * <li>{@code id} the event id; {@code source} {@code /incidents/{id}}; {@code subject}
 * the incident id; {@code type} from {@link EventTypes}; {@code time} = occurredAt;</li>
 * <li>extensions: {@code sequence} (the incident's sequence number, zero-padded so it
 * orders lexicographically as the CloudEvents sequence extension asks),
 * {@code recordedtime}, {@code actor}, {@code actorname} (only when known),
 * {@code traceparent} (the distributed-tracing extension, only when traced),
 * {@code origin} (the envelope's source: which client or integration);</li>
 * <li>{@code data} the event record as JSON ({@code application/json}).</li>
 * </ul>
 * Readers ignore unknown attributes and unknown fields in {@code data}.
 */
public final class IncidentEventCodec {

	/** The Kafka {@code content-type} header value of structured mode. */
	public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

	private static final String DATA_CONTENT_TYPE = "application/json";

	private static final int SEQUENCE_DIGITS = 19;

	private static final JsonFormat FORMAT = new JsonFormat();

	private static final ObjectMapper MAPPER = newObjectMapper();

	private IncidentEventCodec() {
	}

	/**
	 * A Jackson 2 mapper that reads and writes event records as the wire format does:
	 * timestamps as {@link Timestamps} text, unknown fields ignored.
	 */
	public static ObjectMapper newObjectMapper() {
		return JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.addModule(TimestampModules.jackson2())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.build();
	}

	/**
	 * Writes the structured-mode JSON in one pass with the same mapper as the data. The
	 * SDK's writer gives {@code time} as few fraction digits as the value needs
	 * ({@code 10:02:00Z}, {@code 08:00:01.5Z}) where every timestamp we write has six, so
	 * writing through it meant writing, re-reading and writing again: three
	 * serialisations per event, a quarter of the publisher's CPU (JFR, issue #12). What
	 * this writes reads back with the SDK ({@link #decode}), and the golden vectors pin
	 * its content.
	 */
	public static byte[] encode(EventEnvelope envelope) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		try (JsonGenerator json = MAPPER.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringField("specversion", "1.0");
			json.writeStringField("id", envelope.eventId().toString());
			json.writeStringField("source", "/incidents/" + envelope.incidentId());
			json.writeStringField("type", envelope.type().cloudEventType());
			json.writeStringField("datacontenttype", DATA_CONTENT_TYPE);
			json.writeStringField("subject", envelope.incidentId().toString());
			json.writeStringField("time", Timestamps.format(envelope.occurredAt()));
			json.writeStringField("sequence", sequenceText(envelope.sequence()));
			json.writeStringField("recordedtime", Timestamps.format(envelope.recordedAt()));
			json.writeStringField("actor", envelope.actor());
			if (envelope.actorName() != null) {
				json.writeStringField("actorname", envelope.actorName());
			}
			json.writeStringField("origin", envelope.source());
			if (envelope.traceparent() != null) {
				json.writeStringField("traceparent", envelope.traceparent());
			}
			json.writeFieldName("data");
			MAPPER.writeValue(json, envelope.payload());
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * @throws MalformedEventException when the bytes are not a readable incident event
	 * @throws UnknownEventTypeException when they are, but of a type this reader does not
	 * know
	 */
	public static EventEnvelope decode(byte[] bytes) {
		CloudEvent event;
		try {
			event = FORMAT.deserialize(bytes);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException("not a CloudEvents JSON event: " + ex.getMessage(), ex);
		}
		try {
			IncidentId incidentId = IncidentId.parse(event.getSubject());
			long sequence = Long.parseLong(requiredExtension(event, "sequence"));
			EventTypes.EventType type = EventTypes.byCloudEventType(event.getType())
				.orElseThrow(() -> new UnknownEventTypeException(incidentId, sequence, event.getType()));
			if (event.getTime() == null) {
				throw new IllegalArgumentException("time is missing");
			}
			if (event.getData() == null) {
				throw new IllegalArgumentException("data is missing");
			}
			IncidentEvent payload = MAPPER.readValue(event.getData().toBytes(), type.javaType());
			return new EventEnvelope(UUID.fromString(event.getId()), incidentId, sequence, event.getTime().toInstant(),
					Timestamps.parse(requiredExtension(event, "recordedtime")), requiredExtension(event, "actor"),
					optionalExtension(event, "actorname"), requiredExtension(event, "origin"), payload,
					optionalExtension(event, "traceparent"));
		}
		catch (UnknownEventTypeException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedEventException("unreadable incident event " + event.getId() + ": " + ex.getMessage(),
					ex);
		}
	}

	public static byte[] payloadJson(IncidentEvent payload) {
		try {
			return MAPPER.writeValueAsBytes(payload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sequenceText(long sequence) {
		String digits = Long.toString(sequence);
		return (digits.length() < SEQUENCE_DIGITS) ? "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits : digits;
	}

	private static String optionalExtension(CloudEvent event, String name) {
		Object value = event.getExtension(name);
		return (value != null) ? value.toString() : null;
	}

	private static String requiredExtension(CloudEvent event, String name) {
		Object value = event.getExtension(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return value.toString();
	}

}
