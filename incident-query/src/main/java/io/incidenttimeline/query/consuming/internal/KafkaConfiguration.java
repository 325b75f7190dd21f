package io.incidenttimeline.query.consuming.internal;

import io.incidenttimeline.events.MalformedEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics and poison-record handling. A record that is not an incident event goes to the
 * dead-letter topic at once; one whose handling fails is retried three times with backoff
 * first. The recoverer copies the record and adds the {@code kafka_dlt-exception-*}
 * headers that say why; the partition behind it continues.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	NewTopic incidentEventsTopic(@Value("${incident-query.topic}") String topic) {
		return TopicBuilder.name(topic).partitions(3).build();
	}

	@Bean
	NewTopic deadLetterTopic(@Value("${incident-query.dead-letter-topic}") String topic) {
		return TopicBuilder.name(topic).partitions(1).build();
	}

	@Bean
	DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> kafka,
			@Value("${incident-query.dead-letter-topic}") String deadLetterTopic, ConsumingMetrics metrics) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxAttempts(3);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.error("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			recoverer.accept(record, ex);
			metrics.deadLettered();
		}, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

}
