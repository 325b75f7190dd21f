package io.incidenttimeline.query.consuming.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.incidenttimeline.events.Text;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic, read and re-driven on an operator's request. Reading uses a
 * short-lived consumer assigned to every partition from the beginning, which joins no
 * group and commits nothing. Re-driving publishes each dead letter once to the incident
 * topic, as it was (key, value, headers without the {@code kafka_dlt-} ones), and
 * remembers how far it got as the committed offsets of the consumer group
 * {@code <consumer group>-redrive} ({@code incident-query-redrive}); the sequence check
 * makes a record re-driven twice (two instances at once) harmless.
 */
@Component
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final Duration READ_TIME = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final int VALUE_START = 200;

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaOperations<String, byte[]> kafka;

	private final String topic;

	private final String deadLetterTopic;

	private final String redriveGroup;

	@SuppressWarnings("unchecked")
	DeadLetters(ConsumerFactory<?, ?> consumers, KafkaOperations<?, ?> kafka,
			@Value("${incident-query.topic}") String topic,
			@Value("${incident-query.dead-letter-topic}") String deadLetterTopic,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		this.consumers = consumers;
		this.kafka = (KafkaOperations<String, byte[]>) kafka;
		this.topic = topic;
		this.deadLetterTopic = deadLetterTopic;
		this.redriveGroup = group + "-redrive";
	}

	/**
	 * The first {@code limit} dead letters, oldest first per partition.
	 */
	List<DeadLetter> list(int limit) {
		try (Consumer<String, byte[]> consumer = consumer("dead-letter-reader", limit)) {
			List<TopicPartition> partitions = partitions(consumer);
			Map<TopicPartition, Long> redriven = redriven(consumer, partitions);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<DeadLetter> letters = new ArrayList<>();
			readUpToEnd(consumer, partitions, limit, (record) -> letters
				.add(DeadLetter.of(record, record.offset() < redriven.getOrDefault(partition(record), 0L))));
			return letters;
		}
	}

	/**
	 * Publishes every dead letter not re-driven before to the incident topic.
	 * @return how many
	 */
	synchronized long redrive() {
		try (Consumer<String, byte[]> consumer = consumer("dead-letter-redrive", 500)) {
			List<TopicPartition> partitions = partitions(consumer);
			Map<TopicPartition, Long> redriven = redriven(consumer, partitions);
			consumer.assign(partitions);
			for (TopicPartition partition : partitions) {
				if (redriven.containsKey(partition)) {
					consumer.seek(partition, redriven.get(partition));
				}
				else {
					consumer.seekToBeginning(List.of(partition));
				}
			}
			long count = 0;
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Instant deadline = Instant.now().plus(READ_TIME);
			while (!reachedEnd(consumer, partitions, end) && Instant.now().isBefore(deadline)) {
				List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
				Map<TopicPartition, OffsetAndMetadata> through = new HashMap<>();
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					sent.add(this.kafka.send(republished(record)));
					through.put(partition(record), new OffsetAndMetadata(record.offset() + 1));
				}
				for (CompletableFuture<SendResult<String, byte[]>> send : sent) {
					await(send);
				}
				if (!through.isEmpty()) {
					consumer.commitSync(through);
					count += sent.size();
				}
			}
			log.info("re-drove {} dead letters from {} to {}", count, this.deadLetterTopic, this.topic);
			return count;
		}
	}

	private ProducerRecord<String, byte[]> republished(ConsumerRecord<String, byte[]> record) {
		ProducerRecord<String, byte[]> copy = new ProducerRecord<>(this.topic, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
				copy.headers().add(header);
			}
		}
		return copy;
	}

	private Consumer<String, byte[]> consumer(String clientId, int maxPollRecords) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
		@SuppressWarnings("unchecked")
		Consumer<String, byte[]> consumer = (Consumer<String, byte[]>) this.consumers.createConsumer(this.redriveGroup,
				clientId, null, properties);
		return consumer;
	}

	private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
		return consumer.partitionsFor(this.deadLetterTopic, READ_TIME)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	/**
	 * Per partition, the offset up to which dead letters have been re-driven.
	 */
	private static Map<TopicPartition, Long> redriven(Consumer<String, byte[]> consumer,
			Collection<TopicPartition> partitions) {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		consumer.committed(new HashSet<>(partitions), READ_TIME).forEach((partition, committed) -> {
			if (committed != null) {
				offsets.put(partition, committed.offset());
			}
		});
		return offsets;
	}

	private static void readUpToEnd(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, int limit,
			java.util.function.Consumer<ConsumerRecord<String, byte[]>> reader) {
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		Instant deadline = Instant.now().plus(READ_TIME);
		int read = 0;
		while (read < limit && !reachedEnd(consumer, partitions, end) && Instant.now().isBefore(deadline)) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
				if (read++ < limit) {
					reader.accept(record);
				}
			}
		}
	}

	private static boolean reachedEnd(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> end) {
		return partitions.stream().allMatch((partition) -> consumer.position(partition) >= end.get(partition));
	}

	private static TopicPartition partition(ConsumerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), record.partition());
	}

	private static void await(CompletableFuture<SendResult<String, byte[]>> send) {
		try {
			send.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while re-driving dead letters", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("a dead letter could not be re-driven; none after it was", ex);
		}
	}

	/**
	 * One dead letter: where it is, why it is there (the recoverer's headers), the start
	 * of its value as text, and whether it has been re-driven.
	 */
	record DeadLetter(int partition, long offset, String key, Instant timestamp, String reason, String exception,
			String originalTopic, Integer originalPartition, Long originalOffset, int valueBytes, String valueStart,
			boolean redriven) {

		static DeadLetter of(ConsumerRecord<String, byte[]> record, boolean redriven) {
			byte[] value = (record.value() != null) ? record.value() : new byte[0];
			return new DeadLetter(record.partition(), record.offset(), text(record.key()),
					Instant.ofEpochMilli(record.timestamp()), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
					text(record,
							(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) != null)
									? KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN : KafkaHeaders.DLT_EXCEPTION_FQCN),
					text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
					intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
					longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), value.length,
					text(Text.shorten(new String(value, StandardCharsets.UTF_8), VALUE_START)), redriven);
		}

		private static String text(ConsumerRecord<?, ?> record, String header) {
			Header found = record.headers().lastHeader(header);
			return (found != null) ? text(new String(found.value(), StandardCharsets.UTF_8)) : null;
		}

		private static Integer intHeader(ConsumerRecord<?, ?> record, String header) {
			Header found = record.headers().lastHeader(header);
			return (found != null && found.value().length == Integer.BYTES) ? ByteBuffer.wrap(found.value()).getInt()
					: null;
		}

		private static Long longHeader(ConsumerRecord<?, ?> record, String header) {
			Header found = record.headers().lastHeader(header);
			return (found != null && found.value().length == Long.BYTES) ? ByteBuffer.wrap(found.value()).getLong()
					: null;
		}

		private static String text(String text) {
			return (text != null) ? SafeText.of(text) : null;
		}

	}

}
