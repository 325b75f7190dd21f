package io.incidenttimeline.query.consuming.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each incident's events exactly once and in sequence order, whatever order and
 * however often Kafka delivers them. One PostgreSQL transaction per record: lock the
 * incident's progress, then skip a duplicate, park an early arrival, or apply the next
 * event to every projection, store it, and apply the parked successors it unblocks.
 * Publishes {@link EventsApplied} (and, for the counters, {@link Consumed}) inside the
 * transaction, for listeners that act once it has committed.
 */
@Component
class EventSequencer {

	private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);

	private final ProgressTable progress;

	private final ParkedEvents parked;

	private final EventLog eventLog;

	private final List<Projection> projections;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	EventSequencer(ProgressTable progress, ParkedEvents parked, EventLog eventLog, List<Projection> projections,
			ApplicationEventPublisher publisher) {
		this.progress = progress;
		this.parked = parked;
		this.eventLog = eventLog;
		this.projections = projections;
		this.publisher = publisher;
		this.clock = Clock.systemUTC();
	}

	/**
	 * @throws io.incidenttimeline.events.MalformedEventException for bytes that are no
	 * incident event
	 */
	@Transactional
	public void receive(byte[] wire) {
		Consumed consumed = new Consumed();
		List<EventEnvelope> applied = new ArrayList<>();
		sequence(IncomingEvent.read(wire), consumed, applied);
		if (!applied.isEmpty()) {
			this.publisher.publishEvent(new EventsApplied(applied));
		}
		this.publisher.publishEvent(consumed);
	}

	private void sequence(IncomingEvent event, Consumed consumed, List<EventEnvelope> applied) {
		IncidentId incident = event.incidentId();
		long last = this.progress.lockAndRead(incident);
		if (event.sequence() <= last) {
			log.debug("skipping duplicate {} of incident {} (applied up to {})", event.sequence(), incident, last);
			consumed.duplicate();
			return;
		}
		Instant now = this.clock.instant();
		if (event.sequence() > last + 1) {
			if (this.parked.park(event, now)) {
				log.warn("incident {}: sequence {} arrived before {}; parked until the gap closes", incident,
						event.sequence(), last + 1);
				consumed.gap();
			}
			return;
		}
		IncomingEvent next = event;
		apply(next, now, consumed, applied);
		Optional<byte[]> successor;
		while ((successor = this.parked.take(incident, next.sequence() + 1)).isPresent()) {
			next = IncomingEvent.read(successor.get());
			apply(next, now, consumed, applied);
		}
		this.progress.advance(incident, next.sequence(), next.recordedAt(), now);
	}

	private void apply(IncomingEvent event, Instant now, Consumed consumed, List<EventEnvelope> applied) {
		if (event instanceof IncomingEvent.Known known) {
			this.projections.forEach((projection) -> projection.apply(known.envelope()));
			consumed.applied(known.envelope().type().name());
			applied.add(known.envelope());
		}
		else if (event instanceof IncomingEvent.Unknown unknown) {
			log.warn("incident {}: sequence {} has unknown type {}; kept in the timeline only", unknown.incidentId(),
					unknown.sequence(), unknown.type());
			consumed.unknown(unknown.type());
		}
		this.eventLog.append(event, now);
	}

}
