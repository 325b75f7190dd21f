package io.incidenttimeline.query.consuming.internal;

import io.incidenttimeline.events.MalformedEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics and what becomes of a record that fails ({@link Failures}):
 * <ul>
 * <li>not an incident event at all: to the dead-letter topic at once, with the
 * {@code kafka_dlt-exception-*} headers that say why;</li>
 * <li>the database or the broker unavailable: retried after 100 ms, doubling up to 10 s,
 * for as long as it lasts; its partition waits, the others go on (one consumer per
 * partition);</li>
 * <li>any other failure: retried three times (200, 400, 800 ms), then parked as failed
 * for its incident, with the reason; the incident waits, the partition goes on.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	NewTopic incidentEventsTopic(@Value("${incident-query.topic}") String topic, TopicSettings settings) {
		return keptForever(TopicBuilder.name(topic).partitions(settings.partitions()), settings);
	}

	@Bean
	NewTopic deadLetterTopic(@Value("${incident-query.dead-letter-topic}") String topic, TopicSettings settings) {
		return keptForever(TopicBuilder.name(topic).partitions(1), settings);
	}

	private static NewTopic keptForever(TopicBuilder topic, TopicSettings settings) {
		topic.config(TopicConfig.RETENTION_MS_CONFIG, "-1").config(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
		if (settings.replicationFactor() != null) {
			topic.replicas(settings.replicationFactor());
		}
		if (settings.minInsyncReplicas() != null) {
			topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
		}
		return topic.build();
	}

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka,
			@Value("${incident-query.dead-letter-topic}") String deadLetterTopic, ConsumingMetrics metrics,
			EventSequencer sequencer, Retrying retrying) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic, -1));
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			IncomingEvent event = Failures.isMalformed(ex) ? null : decodable((byte[]) record.value());
			if (event != null) {
				sequencer.parkFailed(event, Failures.reason(ex));
				return;
			}
			log.error("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					Failures.reason(ex));
			deadLetters.accept(record, Failures.withoutBatchWrapper(ex));
			metrics.deadLettered();
		}, fewRetries());
		handler.setBackOffFunction((record, ex) -> Failures.isTransient(ex) ? untilItPasses() : null);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		handler.setRetryListeners(retrying);
		return handler;
	}

	private static IncomingEvent decodable(byte[] value) {
		try {
			return IncomingEvent.read(value);
		}
		catch (MalformedEventException ex) {
			return null;
		}
	}

	private static BackOff fewRetries() {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxAttempts(3);
		return backOff;
	}

	private static BackOff untilItPasses() {
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(10_000);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		backOff.setMaxAttempts(Long.MAX_VALUE);
		return backOff;
	}

}
