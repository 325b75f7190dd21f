package io.incidenttimeline.command.incident;

import java.time.Instant;

import io.incidenttimeline.events.Timestamps;

/**
 * The metadata the incident writes on every event it applies: who acted (a stable id),
 * their display name when known, through which client or integration, when it happened
 * and when the server recorded it (timestamps as {@link Timestamps} text). Whoever reads
 * stored events reads these keys.
 */
public final class EventMetadata {

	public static final String ACTOR = "actor";

	/**
	 * The actor's display name at the time, as the identity provider gave it; absent for
	 * integrations and for events recorded before sign-in existed.
	 */
	public static final String ACTOR_NAME = "actorName";

	public static final String SOURCE = "source";

	public static final String OCCURRED_AT = "occurredAt";

	public static final String RECORDED_AT = "recordedAt";

	/**
	 * The W3C trace context of the request that recorded the event, when it was traced;
	 * absent otherwise ({@link TraceContextMetaData} writes it).
	 */
	public static final String TRACEPARENT = "traceparent";

	private EventMetadata() {
	}

	/**
	 * Metadata comes back from the store as whatever JSON made of it: a timestamp written
	 * as text is read as text.
	 * @throws IllegalArgumentException when the value is missing or not a timestamp
	 */
	public static Instant instant(Object value, String key) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof CharSequence text) {
			return Timestamps.parse(text.toString());
		}
		throw new IllegalArgumentException("metadata " + key + " is missing or not a timestamp: " + value);
	}

}
