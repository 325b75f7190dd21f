package io.incidenttimeline.command.publishing;

import io.incidenttimeline.command.eventstore.EventStoreStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code incident_publisher_lag_events}: how many stored events Kafka has not
 * acknowledged yet, counted from the lowest position of all the publisher's segments in
 * the shared token store — not only those this instance claims, so an instance holding no
 * segment reports the same number as the one that holds them all. Before any segment has
 * a position, every stored event counts as unacknowledged. Alert on the maximum over
 * instances.
 */
class PublisherLag {

	private final EventStoreStatistics store;

	PublisherLag(EventStoreStatistics store, MeterRegistry meters) {
		this.store = store;
		Gauge.builder("incident.publisher.lag", this, PublisherLag::events)
			.baseUnit("events")
			.description("Incident events stored but not yet acknowledged by Kafka (store-wide)")
			.register(meters);
	}

	double events() {
		return this.store.eventsAfter(this.store.lowestPosition(PublishingConfiguration.PROCESSING_GROUP).orElse(-1));
	}

}
