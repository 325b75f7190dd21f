package io.incidenttimeline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each incident event reached Kafka: its record's timestamp (CreateTime, stamped by
 * the publisher's producer at the send), read from the system's topic from the moment
 * this was opened. Splits command→visible into the publisher's part and the query side's.
 */
final class PublishedTimes implements AutoCloseable {

	static final String TOPIC = "incident-events";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final KafkaConsumer<String, byte[]> consumer;

	PublishedTimes(LocalSystem system) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				system.kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> partitions = this.consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
			.stream()
			.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
	}

	/**
	 * Reads on until every one of {@code keys} ("incident id/sequence") was seen, or the
	 * timeout passed.
	 * @return when each event seen was sent
	 */
	Map<String, Instant> await(Set<String> keys, Duration timeout) throws Exception {
		Map<String, Instant> sent = new HashMap<>();
		Instant deadline = Instant.now().plus(timeout);
		while (!sent.keySet().containsAll(keys) && Instant.now().isBefore(deadline)) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				JsonNode event = JSON.readTree(record.value());
				// the CloudEvents sequence attribute is zero-padded text
				String key = record.key() + "/" + Long.parseLong(event.get("sequence").asText());
				sent.putIfAbsent(key, Instant.ofEpochMilli(record.timestamp()));
			}
		}
		return sent;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
