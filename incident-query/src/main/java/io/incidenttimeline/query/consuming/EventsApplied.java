package io.incidenttimeline.query.consuming;

import java.util.List;

import io.incidenttimeline.events.EventEnvelope;

/**
 * The events of known types that one consumer transaction applied to the projections, in
 * the order applied, published inside that transaction. Listen with
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT, fallbackExecution = true)} to
 * act only on what was committed. A rebuild never publishes it (see
 * {@link ProjectionRebuilt}): these are live events, each applied for the first time.
 */
public record EventsApplied(List<EventEnvelope> events) {

	public EventsApplied {
		events = List.copyOf(events);
	}

}
