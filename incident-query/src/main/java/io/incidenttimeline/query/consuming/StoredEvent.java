package io.incidenttimeline.query.consuming;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;

/**
 * One event as this service stored it. {@code envelope} is null for an event of a type
 * this reader does not know; its {@code rawPayload} is then the producer's {@code data}
 * as it came. {@code type} is the event's name without version
 * ({@code IncidentDeclared}).
 */
public record StoredEvent(long sequence, UUID eventId, String type, int schemaVersion, Instant occurredAt,
		Instant recordedAt, String actor, String source, EventEnvelope envelope, String rawPayload) {

	public boolean known() {
		return this.envelope != null;
	}

	/**
	 * Entered after the fact: it happened more than a minute before it was recorded (see
	 * {@link EventEnvelope#isBackdated()}).
	 */
	public boolean backdated() {
		return known() ? this.envelope.isBackdated()
				: this.occurredAt.plus(1, ChronoUnit.MINUTES).isBefore(this.recordedAt);
	}

}
