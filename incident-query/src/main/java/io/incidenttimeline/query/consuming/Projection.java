package io.incidenttimeline.query.consuming;

import java.util.List;

import io.incidenttimeline.events.EventEnvelope;

/**
 * A read model fed by the incident events. Declare an implementation as a Spring bean and
 * the consumer applies every decoded event to it, per incident in sequence order, exactly
 * once, inside the same PostgreSQL transaction that stores the event and advances the
 * incident's progress. Throwing rolls that transaction back: the record is retried, for
 * as long as the failure lasts when it is the database's, a few times otherwise, and then
 * parked as failed for its incident until an operator retries it.
 * <p>
 * Events of a type this reader does not know never reach a projection. The same events
 * are replayed in (incident, sequence) order after {@link #tables()} are truncated when
 * the projection is rebuilt ({@code POST /api/admin/projections/{name}/rebuild}), so
 * {@link #apply} must derive its rows from the events alone: no clock, no outside calls.
 * Most projections keep one state per incident and extend {@link FoldingProjection}; work
 * that must wait for the commit listens to {@link EventsApplied} instead.
 */
public interface Projection {

	/**
	 * The name in the rebuild URL: kebab-case, stable.
	 */
	String name();

	/**
	 * The tables this projection owns; a rebuild truncates them.
	 */
	List<String> tables();

	void apply(EventEnvelope event);

	/**
	 * Applies several events in one go, exactly as {@link #apply} would one after the
	 * other: the events of one or more incidents, each incident's in sequence order (an
	 * incident's events need not be next to each other). The consumer hands over all the
	 * events of a poll that it applies in one transaction, a rebuild a page of stored
	 * events. Override it to read and write the rows of many events with few statements.
	 */
	default void applyAll(List<EventEnvelope> events) {
		events.forEach(this::apply);
	}

}
