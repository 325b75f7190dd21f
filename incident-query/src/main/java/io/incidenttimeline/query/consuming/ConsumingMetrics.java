package io.incidenttimeline.query.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the consumer did, on {@code /actuator/prometheus}. Counts made inside the
 * consumer's transaction are added only when it commits, so a retried record is not
 * counted twice.
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

	void applied(String type) {
		afterCommit(() -> Counter.builder("incident.query.events.applied")
			.description("Events applied to the projections")
			.tag("type", type)
			.register(this.registry)
			.increment());
	}

	void unknownType(String type) {
		afterCommit(() -> Counter.builder("incident.query.unknown.types")
			.description("Events of a type this reader does not know, kept in the timeline only")
			.tag("type", type)
			.register(this.registry)
			.increment());
	}

	void duplicate() {
		afterCommit(this.duplicates::increment);
	}

	void gap() {
		afterCommit(this.gaps::increment);
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
