package io.incidenttimeline.command.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends every stored incident event to Kafka: key = incident id, value = the CloudEvents
 * structured JSON of shared-events. Sends are asynchronous within a batch, but the batch
 * (and with it the processor's token) commits only after Kafka acknowledged every send of
 * it with {@code acks=all}; any failure fails the batch, which the processor retries with
 * backoff. Nothing is skipped; a retried batch may publish an event twice, which readers
 * drop by sequence number.
 */
@ProcessingGroup(PublishingConfiguration.PROCESSING_GROUP)
class KafkaPublisher {

	private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

	private static final long ACK_TIMEOUT_SECONDS = 60;

	private final KafkaTemplate<String, byte[]> kafka;

	private final String topic;

	private final Counter published;

	private final Counter failures;

	KafkaPublisher(KafkaTemplate<String, byte[]> kafka, String topic, MeterRegistry meters) {
		this.kafka = kafka;
		this.topic = topic;
		this.published = Counter.builder("incident.publisher.events.published")
			.description("Incident events Kafka acknowledged (acks=all)")
			.register(meters);
		this.failures = Counter.builder("incident.publisher.failures")
			.description("Batches of incident events that failed to publish and will be retried")
			.register(meters);
	}

	@EventHandler
	void on(IncidentEvent event, DomainEventMessage<?> message) {
		EventEnvelope envelope = StoredEvents.toEnvelope(message);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, envelope.incidentId().toString(),
				IncidentEventCodec.encode(envelope));
		record.headers().add("content-type", IncidentEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
		pendingSends().add(this.kafka.send(record));
	}

	private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
		UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
		return unitOfWork.getOrComputeResource(PENDING_SENDS, (key) -> {
			List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
			unitOfWork.onPrepareCommit((u) -> awaitAcknowledgements(sends));
			return sends;
		});
	}

	private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			this.published.increment(sends.size());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.failures.increment();
			throw new PublishFailedException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			this.failures.increment();
			throw new PublishFailedException("Kafka did not acknowledge a batch of " + sends.size() + " events", ex);
		}
	}

	static class PublishFailedException extends RuntimeException {

		PublishFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
