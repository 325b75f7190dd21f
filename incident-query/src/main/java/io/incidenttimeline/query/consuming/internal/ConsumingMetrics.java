package io.incidenttimeline.query.consuming.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the consumer did, on {@code /actuator/prometheus}. What a consumer transaction did
 * is counted only once it commits, so a retried record is not counted twice.
 */
@Component
class ConsumingMetrics {

	private final MeterRegistry registry;

	private final Counter duplicates;

	private final Counter gaps;

	private final Counter deadLettered;

	ConsumingMetrics(MeterRegistry registry, ParkedEvents parked) {
		this.registry = registry;
		this.duplicates = Counter.builder("incident.query.duplicates.skipped")
			.description("Events already applied, delivered again and skipped")
			.register(registry);
		this.gaps = Counter.builder("incident.query.sequence.gaps")
			.description("Events that arrived before their predecessor and were parked")
			.register(registry);
		this.deadLettered = Counter.builder("incident.query.dead.lettered")
			.description("Records sent to the dead-letter topic")
			.register(registry);
		Gauge.builder("incident.query.parked.events", parked::count)
			.description("Events waiting for a missing predecessor")
			.register(registry);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(Consumed consumed) {
		consumed.appliedTypes()
			.forEach((type) -> Counter.builder("incident.query.events.applied")
				.description("Events applied to the projections")
				.tag("type", type)
				.register(this.registry)
				.increment());
		consumed.unknownTypes()
			.forEach((type) -> Counter.builder("incident.query.unknown.types")
				.description("Events of a type this reader does not know, kept in the timeline only")
				.tag("type", type)
				.register(this.registry)
				.increment());
		this.duplicates.increment(consumed.duplicates());
		this.gaps.increment(consumed.gaps());
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

}
