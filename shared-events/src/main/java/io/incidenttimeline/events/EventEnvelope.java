package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored event with everything that travels beside its payload: its id, the
 * incident's sequence number (1 for the declaration, then +1 per event), when it happened
 * ({@code occurredAt}, may be backdated), when the server recorded it
 * ({@code recordedAt}, server clock), who did it and through which client or integration
 * ({@code source}). {@code actor} is a stable id (the token's subject, or the
 * integration); {@code actorName} the display name the identity provider gave at the
 * time, or null when none was known (events recorded before sign-in existed,
 * integrations).
 */
public record EventEnvelope(UUID eventId, IncidentId incidentId, long sequence, Instant occurredAt, Instant recordedAt,
		String actor, String actorName, String source, IncidentEvent payload, String traceparent) {

	public EventEnvelope {
		Objects.requireNonNull(eventId, "eventId is missing");
		Objects.requireNonNull(incidentId, "incidentId is missing");
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence must be 1 or more, not " + sequence);
		}
		occurredAt = Objects.requireNonNull(occurredAt, "occurredAt is missing").truncatedTo(ChronoUnit.MICROS);
		recordedAt = Objects.requireNonNull(recordedAt, "recordedAt is missing").truncatedTo(ChronoUnit.MICROS);
		Require.text(actor, "actor", FieldLimits.ACTOR);
		actorName = Require.optionalText(actorName, "actorName", FieldLimits.ACTOR);
		traceparent = (traceparent == null || traceparent.isBlank()) ? null : traceparent;
		Require.text(source, "source", FieldLimits.ACTOR);
		Objects.requireNonNull(payload, "payload is missing");
		if (!payload.incidentId().equals(incidentId)) {
			throw new IllegalArgumentException(
					"payload is about incident " + payload.incidentId() + ", not " + incidentId);
		}
	}

	/**
	 * An envelope without a trace context.
	 */
	public EventEnvelope(UUID eventId, IncidentId incidentId, long sequence, Instant occurredAt, Instant recordedAt,
			String actor, String actorName, String source, IncidentEvent payload) {
		this(eventId, incidentId, sequence, occurredAt, recordedAt, actor, actorName, source, payload, null);
	}

	/**
	 * An envelope without a display name for its actor.
	 */
	public EventEnvelope(UUID eventId, IncidentId incidentId, long sequence, Instant occurredAt, Instant recordedAt,
			String actor, String source, IncidentEvent payload) {
		this(eventId, incidentId, sequence, occurredAt, recordedAt, actor, null, source, payload, null);
	}

	/**
	 * What to show people: the display name when known, else the actor's id.
	 */
	public String shownActor() {
		return (this.actorName != null) ? this.actorName : this.actor;
	}

	public EventTypes.EventType type() {
		return EventTypes.of(this.payload.getClass());
	}

	public int schemaVersion() {
		return type().version();
	}

	/**
	 * Whether the event was entered after the fact: it happened more than a minute before
	 * it was recorded.
	 */
	public boolean isBackdated() {
		return this.occurredAt.plus(1, ChronoUnit.MINUTES).isBefore(this.recordedAt);
	}

}
