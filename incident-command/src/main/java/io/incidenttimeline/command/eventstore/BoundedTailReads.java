package io.incidenttimeline.command.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine, except that a read that may block ({@code readEvents(token, true)})
 * ends after at most {@code limit} events.
 * <p>
 * Only the producer of Axon's {@code EmbeddedEventStore} reads so: one thread that fills
 * the cache its tailing readers (the publisher) share, a linked list of nodes trimmed to
 * the newest 10,000 events. Each of its reads goes on until the engine returns an empty
 * batch, and for as long as a read lasts the producer keeps the node it started from in a
 * local variable (to tell afterwards whether it found anything), so every node added
 * since stays reachable whatever the trimming. While events keep arriving (a bulk import,
 * a long alert storm) the read never ends and the heap fills: a million events copied
 * into the store at 18,000 events/s held 330,000 nodes in the 512 MiB heap within 50 s,
 * an {@code OutOfMemoryError} killed the producer thread, and the publisher stood still
 * until a restart. Ending the read after {@code limit} events changes nothing else: the
 * producer starts the next read at once from the last event it cached, and holds at most
 * {@code limit} events beyond its cache.
 */
final class BoundedTailReads implements EventStorageEngine {

	private final EventStorageEngine engine;

	private final int limit;

	BoundedTailReads(EventStorageEngine engine, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("the limit must be positive, not " + limit);
		}
		this.engine = engine;
		this.limit = limit;
	}

	@Override
	public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
		Stream<? extends TrackedEventMessage<?>> events = this.engine.readEvents(trackingToken, mayBlock);
		return mayBlock ? events.limit(this.limit) : events;
	}

	@Override
	public void appendEvents(List<? extends EventMessage<?>> events) {
		this.engine.appendEvents(events);
	}

	@Override
	public void storeSnapshot(DomainEventMessage<?> snapshot) {
		this.engine.storeSnapshot(snapshot);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier) {
		return this.engine.readEvents(aggregateIdentifier);
	}

	@Override
	public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
		return this.engine.readEvents(aggregateIdentifier, firstSequenceNumber);
	}

	@Override
	public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
		return this.engine.readSnapshot(aggregateIdentifier);
	}

	@Override
	public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
		return this.engine.lastSequenceNumberFor(aggregateIdentifier);
	}

	@Override
	public TrackingToken createTailToken() {
		return this.engine.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.engine.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.engine.createTokenAt(dateTime);
	}

}
