package io.incidenttimeline.query.consuming;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.incidenttimeline.events.IncidentId;

/**
 * How far the consumer has got: per incident the last applied sequence number (events of
 * unknown types included) and when the write side recorded that event. Query resources
 * read it to say how fresh they are.
 */
public interface ConsumerProgress {

	/**
	 * The incident's freshness, or the global one with sequence 0 when nothing about it
	 * has been applied.
	 */
	Freshness of(IncidentId incident);

	/**
	 * The freshness of everything, without a sequence.
	 */
	Freshness global();

	Optional<IncidentProgress> progressOf(IncidentId incident);

	/**
	 * The progress of each of these incidents that has any.
	 */
	Map<IncidentId, IncidentProgress> progressOf(Collection<IncidentId> incidents);

	/**
	 * One incident's last applied sequence and the recorded time of that event.
	 */
	record IncidentProgress(long lastSequence, Instant lastRecordedAt) {
	}

}
