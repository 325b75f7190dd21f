package io.incidenttimeline.query.consuming;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.incidenttimeline.events.IncidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each incident's events exactly once and in sequence order, whatever order and
 * however often Kafka delivers them. One PostgreSQL transaction per record: lock the
 * incident's progress, then skip a duplicate, park an early arrival, or apply the next
 * event to every projection, store it, and apply the parked successors it unblocks.
 */
@Component
class EventSequencer {

	private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);

	private final ConsumerProgress progress;

	private final ParkedEvents parked;

	private final EventLog eventLog;

	private final List<Projection> projections;

	private final ConsumingMetrics metrics;

	private final Clock clock;

	EventSequencer(ConsumerProgress progress, ParkedEvents parked, EventLog eventLog, List<Projection> projections,
			ConsumingMetrics metrics) {
		this.progress = progress;
		this.parked = parked;
		this.eventLog = eventLog;
		this.projections = projections;
		this.metrics = metrics;
		this.clock = Clock.systemUTC();
	}

	/**
	 * @throws io.incidenttimeline.events.MalformedEventException for bytes that are no
	 * incident event
	 */
	@Transactional
	public void receive(byte[] wire) {
		IncomingEvent event = IncomingEvent.read(wire);
		IncidentId incident = event.incidentId();
		long last = this.progress.lockAndRead(incident);
		if (event.sequence() <= last) {
			log.debug("skipping duplicate {} of incident {} (applied up to {})", event.sequence(), incident, last);
			this.metrics.duplicate();
			return;
		}
		Instant now = this.clock.instant();
		if (event.sequence() > last + 1) {
			if (this.parked.park(event, now)) {
				log.warn("incident {}: sequence {} arrived before {}; parked until the gap closes", incident,
						event.sequence(), last + 1);
				this.metrics.gap();
			}
			return;
		}
		IncomingEvent applied = event;
		apply(applied, now);
		Optional<byte[]> successor;
		while ((successor = this.parked.take(incident, applied.sequence() + 1)).isPresent()) {
			applied = IncomingEvent.read(successor.get());
			apply(applied, now);
		}
		this.progress.advance(incident, applied.sequence(), applied.recordedAt(), now);
	}

	private void apply(IncomingEvent event, Instant now) {
		if (event instanceof IncomingEvent.Known known) {
			this.projections.forEach((projection) -> projection.apply(known.envelope()));
			this.metrics.applied(known.envelope().type().name());
		}
		else if (event instanceof IncomingEvent.Unknown unknown) {
			log.warn("incident {}: sequence {} has unknown type {}; kept in the timeline only", unknown.incidentId(),
					unknown.sequence(), unknown.type());
			this.metrics.unknownType(unknown.type());
		}
		this.eventLog.append(event, now);
	}

}
