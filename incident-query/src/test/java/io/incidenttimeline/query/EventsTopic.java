package io.incidenttimeline.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to a test topic the way incident-command does: key = incident id,
 * structured-mode CloudEvents value and content-type header.
 */
public final class EventsTopic implements AutoCloseable {

	private final String topic;

	private final KafkaProducer<String, byte[]> producer;

	public EventsTopic(String topic) {
		this.topic = topic;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	public void send(EventEnvelope... envelopes) {
		for (EventEnvelope envelope : envelopes) {
			send(envelope.incidentId().toString(), IncidentEventCodec.encode(envelope));
		}
	}

	/**
	 * Sends every envelope without waiting for each acknowledgement, then waits for all:
	 * many records in little time, for tests that load the consumer.
	 */
	public void sendAll(List<EventEnvelope> envelopes) {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (EventEnvelope envelope : envelopes) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, envelope.incidentId().toString(),
					IncidentEventCodec.encode(envelope));
			record.headers().add("content-type", IncidentEventCodec.CONTENT_TYPE.getBytes());
			sent.add(this.producer.send(record));
		}
		this.producer.flush();
		for (Future<RecordMetadata> each : sent) {
			try {
				each.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not send to " + this.topic, ex);
			}
		}
	}

	public void send(String key, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, key, value);
		record.headers().add("content-type", IncidentEventCodec.CONTENT_TYPE.getBytes());
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send to " + this.topic, ex);
		}
	}

	/**
	 * Writes straight to this topic's dead-letter topic, as a dead-letter recoverer
	 * would, with these headers.
	 */
	public void sendDeadLetter(String key, byte[] value, Map<String, byte[]> headers) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic + ".DLT", key, value);
		record.headers().add("content-type", IncidentEventCodec.CONTENT_TYPE.getBytes());
		headers.forEach((name, header) -> record.headers().add(name, header));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send to " + this.topic + ".DLT", ex);
		}
	}

	/**
	 * The first record with that key on this topic's dead-letter topic, read by a fresh
	 * consumer group, once it is there.
	 */
	public ConsumerRecord<String, byte[]> deadLetter(String key) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
			consumer.subscribe(List.of(this.topic + ".DLT"));
			List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
			return QueryService.eventually().pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(read::add);
				return read.stream().filter((record) -> key.equals(record.key())).findFirst();
			}, (found) -> found.isPresent()).orElseThrow();
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
