package io.incidenttimeline.command.publishing;

import java.util.OptionalLong;

import io.incidenttimeline.command.eventstore.EventStoreStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * {@code incident_publisher_lag_events}: how many stored events Kafka has not
 * acknowledged yet, counted from the lowest position of the publisher's segments claimed
 * by this instance. Before any segment has a position, every stored event counts as
 * unacknowledged.
 */
class PublisherLag {

	private final EventProcessingConfiguration processing;

	private final EventStoreStatistics store;

	PublisherLag(EventProcessingConfiguration processing, EventStoreStatistics store, MeterRegistry meters) {
		this.processing = processing;
		this.store = store;
		Gauge.builder("incident.publisher.lag", this, PublisherLag::events)
			.baseUnit("events")
			.description("Incident events stored but not yet acknowledged by Kafka")
			.register(meters);
	}

	double events() {
		return this.store.eventsAfter(lowestAcknowledgedPosition().orElse(-1));
	}

	private OptionalLong lowestAcknowledgedPosition() {
		return this.processing.eventProcessor(PublishingConfiguration.PROCESSING_GROUP, StreamingEventProcessor.class)
			.map((processor) -> processor.processingStatus()
				.values()
				.stream()
				.map(EventTrackerStatus::getCurrentPosition)
				.mapToLong((current) -> current.orElse(-1))
				.min())
			.orElse(OptionalLong.empty());
	}

}
