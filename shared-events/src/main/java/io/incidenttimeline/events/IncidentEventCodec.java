package io.incidenttimeline.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
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

	public static byte[] encode(EventEnvelope envelope) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(envelope.eventId().toString())
			.withSource(URI.create("/incidents/" + envelope.incidentId()))
			.withType(envelope.type().cloudEventType())
			.withSubject(envelope.incidentId().toString())
			.withTime(OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC))
			.withExtension("sequence", sequenceText(envelope.sequence()))
			.withExtension("recordedtime", Timestamps.format(envelope.recordedAt()))
			.withExtension("actor", envelope.actor())
			.withExtension("origin", envelope.source())
			.withData(DATA_CONTENT_TYPE, payloadJson(envelope.payload()));
		if (envelope.actorName() != null) {
			builder.withExtension("actorname", envelope.actorName());
		}
		if (envelope.traceparent() != null) {
			builder.withExtension("traceparent", envelope.traceparent());
		}
		return withFixedPrecisionTime(FORMAT.serialize(builder.build()), envelope.occurredAt());
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

	/**
	 * The SDK writes {@code time} with as few fraction digits as the value needs
	 * ({@code 10:02:00Z}, {@code 08:00:01.5Z}); every timestamp we write has six.
	 */
	private static byte[] withFixedPrecisionTime(byte[] cloudEvent, Instant occurredAt) {
		try {
			ObjectNode tree = (ObjectNode) MAPPER.readTree(cloudEvent);
			tree.put("time", Timestamps.format(occurredAt));
			return MAPPER.writeValueAsBytes(tree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
		return String.format("%019d", sequence);
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
