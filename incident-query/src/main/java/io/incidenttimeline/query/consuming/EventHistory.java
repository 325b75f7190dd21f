package io.incidenttimeline.query.consuming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentId;

/**
 * The events this service has applied, as it stored them: the source of timelines and of
 * questions about the past. Each list is in sequence order.
 */
public interface EventHistory {

	/**
	 * Every stored event of the incident, those of unknown types included.
	 */
	List<StoredEvent> of(IncidentId incident);

	/**
	 * The incident's events of known types that had been recorded by {@code instant}
	 * (inclusive).
	 */
	List<EventEnvelope> recordedBy(IncidentId incident, Instant instant);

	/**
	 * The incident's events of known types up to and including {@code sequence}.
	 */
	List<EventEnvelope> through(IncidentId incident, long sequence);

	/**
	 * {@link #through(IncidentId, long)} for many incidents with one query: each
	 * incident's events of known types up to and including its sequence.
	 */
	Map<IncidentId, List<EventEnvelope>> through(Map<IncidentId, Long> sequences);

}
