package io.incidenttimeline.query.consuming.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.MalformedEventException;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.events.UnknownEventTypeException;

/**
 * A record value read off the topic: an event this reader understands, or a well-formed
 * one of a type only a newer producer knows, which still occupies its sequence number.
 */
sealed interface IncomingEvent {

	IncidentId incidentId();

	long sequence();

	Instant recordedAt();

	byte[] wire();

	/**
	 * @throws MalformedEventException when the bytes are no incident event at all
	 */
	static IncomingEvent read(byte[] wire) {
		try {
			return new Known(IncidentEventCodec.decode(wire), wire);
		}
		catch (UnknownEventTypeException ex) {
			return Unknown.of(ex, wire);
		}
	}

	record Known(EventEnvelope envelope, byte[] wire) implements IncomingEvent {

		@Override
		public IncidentId incidentId() {
			return this.envelope.incidentId();
		}

		@Override
		public long sequence() {
			return this.envelope.sequence();
		}

		@Override
		public Instant recordedAt() {
			return this.envelope.recordedAt();
		}

	}

	/**
	 * What can be read of an event of an unknown type: the CloudEvents attributes, read
	 * leniently, since its type's rules are unknown.
	 */
	record Unknown(IncidentId incidentId, long sequence, String type, String typeName, int schemaVersion, UUID eventId,
			Instant occurredAt, Instant recordedAt, String actor, String source, JsonNode data,
			byte[] wire) implements IncomingEvent {

		private static final ObjectMapper MAPPER = IncidentEventCodec.newObjectMapper();

		private static final Pattern OUR_TYPE = Pattern.compile("io\\.incidenttimeline\\.(\\w+)\\.v(\\d+)");

		static Unknown of(UnknownEventTypeException ex, byte[] wire) {
			JsonNode json;
			try {
				json = MAPPER.readTree(wire);
			}
			catch (IOException readable) {
				throw new MalformedEventException("unknown event type that is not JSON", readable);
			}
			Matcher ours = OUR_TYPE.matcher(ex.type());
			String typeName = ours.matches() ? ours.group(1) : ex.type();
			int version = ours.matches() ? Integer.parseInt(ours.group(2)) : 0;
			Instant recordedAt = timestamp(json, "recordedtime", Instant.now());
			return new Unknown(ex.incidentId(), ex.sequence(), ex.type(), typeName, version, uuid(json.path("id")),
					timestamp(json, "time", recordedAt), recordedAt, text(json, "actor"), text(json, "origin"),
					json.get("data"), wire);
		}

		private static Instant timestamp(JsonNode json, String field, Instant fallback) {
			try {
				return json.hasNonNull(field) ? Timestamps.parse(json.get(field).asText()) : fallback;
			}
			catch (RuntimeException ex) {
				return fallback;
			}
		}

		private static String text(JsonNode json, String field) {
			return json.hasNonNull(field) ? json.get(field).asText() : null;
		}

		private static UUID uuid(JsonNode id) {
			try {
				return id.isTextual() ? UUID.fromString(id.asText()) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
