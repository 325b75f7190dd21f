package io.incidenttimeline.query;

import io.incidenttimeline.events.EventEnvelope;

/**
 * Events as the command side records them once people sign in: the actor is the token's
 * subject, with the display name the identity provider gave.
 */
public final class SignedInActors {

	private SignedInActors() {
	}

	/**
	 * The same event, done by {@code subject} known as {@code displayName}.
	 */
	public static EventEnvelope actedBy(EventEnvelope event, String subject, String displayName) {
		return new EventEnvelope(event.eventId(), event.incidentId(), event.sequence(), event.occurredAt(),
				event.recordedAt(), subject, displayName, event.source(), event.payload());
	}

}
