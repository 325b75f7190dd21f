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
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
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
 * <p>
 * Each record is sent within the trace of the request that recorded its event (the
 * envelope's {@code traceparent}), so the template's observation writes that trace into
 * the record's headers too.
 */
@ProcessingGroup(PublishingConfiguration.PROCESSING_GROUP)
class KafkaPublisher {

	private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

	private static final long ACK_TIMEOUT_SECONDS = 60;

	private final KafkaTemplate<String, byte[]> kafka;

	private final String topic;

	private final Counter published;

	private final Counter failures;

	private final ObservationRegistry observations;

	KafkaPublisher(KafkaTemplate<String, byte[]> kafka, String topic, MeterRegistry meters,
			ObservationRegistry observations) {
		this.kafka = kafka;
		this.topic = topic;
		this.observations = observations;
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
		List<CompletableFuture<SendResult<String, byte[]>>> sends = pendingSends();
		inTraceOf(envelope).observe(() -> sends.add(this.kafka.send(record)));
	}

	private Observation inTraceOf(EventEnvelope envelope) {
		ReceiverContext<EventEnvelope> context = new ReceiverContext<>(
				(carrier, key) -> "traceparent".equals(key) ? carrier.traceparent() : null);
		context.setCarrier(envelope);
		return Observation.createNotStarted("incident.publisher.publish", () -> context, this.observations)
			.contextualName("publish " + envelope.type().name())
			.lowCardinalityKeyValue("event.type", envelope.type().name());
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
