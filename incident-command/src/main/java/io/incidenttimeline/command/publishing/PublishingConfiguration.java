package io.incidenttimeline.command.publishing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.incidenttimeline.command.eventstore.EventStoreStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The event store is the outbox: the pooled streaming processor {@code kafka-publisher}
 * reads every stored event, from the first one, and hands it to {@link KafkaPublisher}.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	static final String PROCESSING_GROUP = "kafka-publisher";

	/**
	 * How often the publisher's coordinator looks at the store when no event arrives:
	 * what Axon does on its own; arrivals wake it at once ({@link PromptEventSource}).
	 */
	static final Duration COORDINATOR_HEARTBEAT = Duration.ofMillis(500);

	/**
	 * The shortest time between two wakes while events keep arriving: at most this much
	 * added to an event's way to Kafka, and under load the publisher sends several events
	 * per batch instead of one.
	 */
	static final Duration WAKE_GAP = Duration.ofMillis(25);

	/**
	 * How many segments a new token store starts the publisher with (Axon's default is
	 * 16). Each segment publishes its own batches, one unit of work, Kafka
	 * acknowledgement wait and token update each, and one instance claims them all
	 * anyway; with 16, the events of one alert request (100, one transaction) went out in
	 * batches of 5-7 (an alert storm: 2,000 batches with 16, 200 with one). A token store
	 * that already has segments keeps them ({@code incident-timeline.publisher.segments}
	 * sets the count for a new one).
	 */
	static final int SEGMENTS = 1;

	/**
	 * The processor reads the store through {@link PromptEventSource}, so a new event
	 * goes out as soon as it is stored instead of at the coordinator's next 500 ms look
	 * ({@code incident-timeline.publisher.wake-on-arrival=false} restores the polling, to
	 * compare the two in a benchmark run). The tail token makes events stored before the
	 * publisher first ran ordinary events, not replays; a handler error propagates (the
	 * default would log it and move on, skipping the event), so the batch fails and is
	 * retried with backoff.
	 */
	@Autowired
	void configureProcessor(EventProcessingConfigurer processing,
			@Value("${incident-timeline.publisher.wake-on-arrival:true}") boolean wakeOnArrival,
			@Value("${incident-timeline.publisher.segments:" + SEGMENTS + "}") int segments) {
		processing
			.registerPooledStreamingEventProcessor(PROCESSING_GROUP,
					(configuration) -> wakeOnArrival
							? new PromptEventSource(configuration.eventStore(), COORDINATOR_HEARTBEAT, WAKE_GAP)
							: configuration.eventStore(),
					(configuration, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)
						.initialSegmentCount(segments)
						.batchSize(100))
			.registerListenerInvocationErrorHandler(PROCESSING_GROUP,
					(configuration) -> PropagatingErrorHandler.instance());
	}

	@Bean
	KafkaPublisher kafkaPublisher(KafkaTemplate<String, byte[]> publisherKafkaTemplate,
			@Value("${incident-timeline.topic}") String topic, MeterRegistry meters,
			ObjectProvider<ObservationRegistry> observations) {
		return new KafkaPublisher(publisherKafkaTemplate, topic, meters,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	PublisherLag publisherLag(EventStoreStatistics store, MeterRegistry meters) {
		return new PublisherLag(store, meters);
	}

	/**
	 * Whatever {@code spring.kafka.producer.*} says, the publisher waits for all in-sync
	 * replicas and never writes a retried record twice or out of order.
	 */
	@Bean
	ProducerFactory<String, byte[]> publisherProducerFactory(KafkaProperties properties) {
		Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		return new DefaultKafkaProducerFactory<>(config);
	}

	/**
	 * Observed, so each record's headers carry the trace of the request that recorded its
	 * event ({@link KafkaPublisher} sends within it).
	 */
	@Bean
	KafkaTemplate<String, byte[]> publisherKafkaTemplate(ProducerFactory<String, byte[]> publisherProducerFactory) {
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(publisherProducerFactory);
		template.setObservationEnabled(true);
		return template;
	}

	/**
	 * Declared at startup; {@code spring.kafka.admin.modify-topic-configs} brings an
	 * existing topic's configuration in line (its retention above all).
	 */
	@Bean
	NewTopic incidentEventsTopic(@Value("${incident-timeline.topic}") String topic, TopicSettings settings) {
		return settings.topic(topic);
	}

}
