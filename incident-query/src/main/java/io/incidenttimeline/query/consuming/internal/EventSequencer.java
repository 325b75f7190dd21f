package io.incidenttimeline.query.consuming.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.Projection;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each incident's events exactly once and in sequence order, whatever order and
 * however often Kafka delivers them. One PostgreSQL transaction per poll
 * ({@link #receiveAll}), or per record when a poll cannot be applied as a whole
 * ({@link #receive}): lock the incidents' progress, then skip a duplicate, park an early
 * arrival, or apply the next event to every projection, store it, and apply the parked
 * successors it unblocks. Publishes {@link EventsApplied} (and, for the counters,
 * {@link Consumed}) once inside each transaction, for listeners that act once it has
 * committed.
 * <p>
 * An event whose application keeps failing is parked as failed ({@link #parkFailed}): its
 * incident waits, its later events park behind it, and {@link #retry} applies it and them
 * once the cause is fixed.
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

	private final ObservationRegistry observations;

	EventSequencer(ProgressTable progress, ParkedEvents parked, EventLog eventLog, List<Projection> projections,
			ApplicationEventPublisher publisher, ObservationRegistry observations) {
		this.progress = progress;
		this.parked = parked;
		this.eventLog = eventLog;
		this.projections = projections;
		this.publisher = publisher;
		this.clock = Clock.systemUTC();
		this.observations = observations;
	}

	@Transactional
	public void receive(IncomingEvent event) {
		Consumed consumed = new Consumed();
		List<EventEnvelope> applied = new ArrayList<>();
		sequence(event, consumed, applied);
		publish(consumed, applied);
	}

	/**
	 * What {@link #receive} does for each event, in order, for all of them in one
	 * transaction and with few statements: the incidents' progress rows are locked and
	 * read at once, every event is sorted as {@link #receive} would sort it (duplicate,
	 * early arrival, next in sequence, with the parked successors it unblocks), then what
	 * is to be applied goes to each projection in one call ({@link Projection#applyAll}),
	 * to the event log and to the progress table in one JDBC batch each. Listeners hear
	 * of everything applied at once. When anything fails, nothing of it is kept: the
	 * caller then {@link #receive receives} the events one by one.
	 */
	@Transactional
	public void receiveAll(List<IncomingEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Map<IncidentId, List<IncomingEvent>> byIncident = new LinkedHashMap<>();
		for (IncomingEvent event : events) {
			byIncident.computeIfAbsent(event.incidentId(), (incident) -> new ArrayList<>()).add(event);
		}
		Map<IncidentId, Long> progress = this.progress.lockAndReadAll(byIncident.keySet());
		Map<IncidentId, Set<Long>> parkedOf = this.parked.sequencesOf(byIncident.keySet());
		Instant now = this.clock.instant();
		Consumed consumed = new Consumed();
		List<IncomingEvent> toApply = new ArrayList<>();
		List<ProgressTable.Advance> advances = new ArrayList<>();
		byIncident.forEach((incident, received) -> {
			long last = progress.get(incident);
			long before = last;
			Set<Long> parked = parkedOf.getOrDefault(incident, new HashSet<>());
			IncomingEvent latest = null;
			for (IncomingEvent event : received) {
				if (event.sequence() <= last) {
					log.debug("skipping duplicate {} of incident {} (applied up to {})", event.sequence(), incident,
							last);
					consumed.duplicate();
					continue;
				}
				if (event.sequence() > last + 1) {
					if (parked.contains(event.sequence())) {
						continue;
					}
					this.parked.parkWaiting(event, last, now);
					parked.add(event.sequence());
					log.warn("incident {}: sequence {} arrived before {}; parked until the gap closes", incident,
							event.sequence(), last + 1);
					consumed.gap();
					continue;
				}
				// a copy parked as failed is superseded by this delivery
				if (parked.remove(event.sequence())) {
					this.parked.take(incident, event.sequence());
				}
				toApply.add(event);
				latest = event;
				last = event.sequence();
				while (parked.remove(last + 1)) {
					Optional<byte[]> successor = this.parked.take(incident, last + 1);
					if (successor.isEmpty()) {
						break;
					}
					latest = IncomingEvent.read(successor.get());
					toApply.add(latest);
					last = latest.sequence();
				}
			}
			if (last > before) {
				advances.add(new ProgressTable.Advance(incident, last, latest.recordedAt()));
			}
		});
		List<EventEnvelope> applied = new ArrayList<>();
		for (IncomingEvent event : toApply) {
			if (event instanceof IncomingEvent.Known known) {
				applied.add(known.envelope());
			}
		}
		if (!applied.isEmpty()) {
			this.projections.forEach((projection) -> projection.applyAll(applied));
		}
		this.eventLog.appendAll(toApply, now);
		this.progress.advanceAll(advances, now);
		for (IncomingEvent event : toApply) {
			applied(event, consumed);
		}
		publish(consumed, applied);
	}

	/**
	 * Applies the incident's parked event that is next in sequence, then the parked
	 * successors it unblocks.
	 * @throws NothingToRetry when no parked event is next in sequence
	 * @throws RetryFailed when applying fails again; everything stays as it was
	 */
	@Transactional
	public Retried retry(IncidentId incident) {
		long last = this.progress.lockAndRead(incident);
		byte[] wire = this.parked.take(incident, last + 1)
			.orElseThrow(() -> new NothingToRetry(incident, last, this.parked.of(incident)));
		Consumed consumed = new Consumed();
		List<EventEnvelope> applied = new ArrayList<>();
		Instant now = this.clock.instant();
		IncomingEvent next = IncomingEvent.read(wire);
		try {
			apply(next, now, consumed, applied);
			Optional<byte[]> successor;
			while ((successor = this.parked.take(incident, next.sequence() + 1)).isPresent()) {
				next = IncomingEvent.read(successor.get());
				apply(next, now, consumed, applied);
			}
		}
		catch (RuntimeException ex) {
			throw new RetryFailed(next.sequence(), ex);
		}
		this.progress.advance(incident, next.sequence(), next.recordedAt(), now);
		long through = next.sequence();
		publish(consumed, applied);
		log.info("incident {}: retried sequence {}; applied through {}", incident, last + 1, through);
		return new Retried(incident, through - last, through);
	}

	/**
	 * Parks an event whose application failed deterministically, with the reason, unless
	 * it has been applied meanwhile.
	 * @return whether it is parked
	 */
	@Transactional
	public boolean parkFailed(IncomingEvent event, String reason) {
		long last = this.progress.lockAndRead(event.incidentId());
		if (event.sequence() <= last) {
			return false;
		}
		this.parked.parkFailed(event, reason, this.clock.instant());
		log.error("incident {}: sequence {} parked as failed, the incident waits until it is retried: {}",
				event.incidentId(), event.sequence(), reason);
		return true;
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
			if (this.parked.parkWaiting(event, last, now)) {
				log.warn("incident {}: sequence {} arrived before {}; parked until the gap closes", incident,
						event.sequence(), last + 1);
				consumed.gap();
			}
			return;
		}
		// a copy parked as failed is superseded by this delivery, which either applies or
		// fails again
		this.parked.take(incident, event.sequence());
		applyInOrder(event, now, consumed, applied);
	}

	/**
	 * Applies the event, which is next in sequence, and the parked successors it
	 * unblocks, and advances the incident's progress.
	 * @return the last sequence applied
	 */
	private long applyInOrder(IncomingEvent event, Instant now, Consumed consumed, List<EventEnvelope> applied) {
		IncidentId incident = event.incidentId();
		IncomingEvent next = event;
		apply(next, now, consumed, applied);
		Optional<byte[]> successor;
		while ((successor = this.parked.take(incident, next.sequence() + 1)).isPresent()) {
			next = IncomingEvent.read(successor.get());
			apply(next, now, consumed, applied);
		}
		this.progress.advance(incident, next.sequence(), next.recordedAt(), now);
		return next.sequence();
	}

	private void apply(IncomingEvent event, Instant now, Consumed consumed, List<EventEnvelope> applied) {
		if (event instanceof IncomingEvent.Known known) {
			EventEnvelope envelope = known.envelope();
			AppliedEventObservation.of(envelope, this.observations).observe(() -> {
				this.projections.forEach((projection) -> projection.apply(envelope));
				log.info("applied {} seq {} of incident {}", envelope.type().name(), envelope.sequence(),
						envelope.incidentId());
			});
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

	/**
	 * Logs and counts an event that the projections have applied: under its own
	 * observation, which continues the trace of the command that recorded it, so the line
	 * carries that trace id.
	 */
	private void applied(IncomingEvent event, Consumed consumed) {
		if (event instanceof IncomingEvent.Known known) {
			EventEnvelope envelope = known.envelope();
			AppliedEventObservation.of(envelope, this.observations)
				.observe(() -> log.info("applied {} seq {} of incident {}", envelope.type().name(), envelope.sequence(),
						envelope.incidentId()));
			consumed.applied(envelope.type().name());
		}
		else if (event instanceof IncomingEvent.Unknown unknown) {
			log.warn("incident {}: sequence {} has unknown type {}; kept in the timeline only", unknown.incidentId(),
					unknown.sequence(), unknown.type());
			consumed.unknown(unknown.type());
		}
	}

	private void publish(Consumed consumed, List<EventEnvelope> applied) {
		if (!applied.isEmpty()) {
			this.publisher.publishEvent(new EventsApplied(applied));
		}
		this.publisher.publishEvent(consumed);
	}

	/**
	 * What a retry applied: {@code applied} events, through {@code lastSequence}.
	 */
	record Retried(IncidentId incidentId, long applied, long lastSequence) {
	}

	/**
	 * Applying a retried event, or one of the successors it unblocked ({@link #sequence}
	 * says which), failed again.
	 */
	static final class RetryFailed extends RuntimeException {

		private final long sequence;

		RetryFailed(long sequence, RuntimeException cause) {
			super("sequence " + sequence + " failed: " + Failures.reason(cause), cause);
			this.sequence = sequence;
		}

		long sequence() {
			return this.sequence;
		}

	}

	/**
	 * The incident has no parked event that is next in sequence: nothing is parked, or
	 * what is parked waits for an event that has not arrived.
	 */
	static final class NothingToRetry extends RuntimeException {

		private final transient List<ParkedEvents.Parked> parked;

		NothingToRetry(IncidentId incident, long last, List<ParkedEvents.Parked> parked) {
			super(parked.isEmpty() ? "incident " + incident + " has no parked event"
					: "incident " + incident + " waits for sequence " + (last + 1)
							+ ", which has not arrived: re-drive it from the dead-letter topic"
							+ " (POST /api/admin/dead-letters/redrive) or publish it again from the command side");
			this.parked = List.copyOf(parked);
		}

		boolean nothingParked() {
			return this.parked.isEmpty();
		}

	}

}
