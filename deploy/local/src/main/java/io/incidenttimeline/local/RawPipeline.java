package io.incidenttimeline.local;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw baseline's pipeline, the same durable work as the system's done by hand on the
 * same PostgreSQL and Kafka: the write side inserts event rows into its own database and
 * sends each event to its own topic with acks=all (idempotent producer), waiting for the
 * acknowledgement; the read side consumes, and per poll upserts a projection row and
 * records the moment each event was applied ({@code applied.applied_at}) in one
 * transaction, then commits the offsets.
 */
final class RawPipeline implements AutoCloseable {

	private final String jdbc;

	private final String topic;

	private final KafkaProducer<String, byte[]> producer;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread projector;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile boolean running = true;

	RawPipeline(LocalSystem system, String name) throws SQLException {
		this.jdbc = Bench.scratchDatabase(system, "benchmark_" + name);
		try (Connection connection = connection()) {
			connection.createStatement().execute("""
					create table events (global_index bigserial primary key, incident_id uuid not null,
					  sequence bigint not null, payload bytea not null, unique (incident_id, sequence));
					create table receipts (id bigserial primary key, dedup_key text not null unique,
					  incident_id uuid, labels text not null, received_at timestamptz not null);
					create table projection (incident_id uuid primary key, last_sequence bigint not null);
					create table applied (incident_id uuid, sequence bigint, applied_at timestamptz,
					  primary key (incident_id, sequence));""");
		}
		this.topic = "benchmark-" + name + "-" + UUID.randomUUID();
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				system.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				system.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, this.topic,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		this.projector = new Thread(this::project, "baseline-projector-" + name);
		this.projector.start();
		warmUp();
	}

	/**
	 * Sends one record to a random incident and waits for its acknowledgement, so that
	 * the measured sends find the topic made and its metadata known.
	 */
	private void warmUp() {
		try {
			send(UUID.randomUUID().toString(), 1).get(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the baseline's topic " + this.topic + " takes no records", ex);
		}
	}

	String jdbc() {
		return this.jdbc;
	}

	Connection connection() throws SQLException {
		return Bench.connect(this.jdbc);
	}

	/**
	 * Sends one event; the future completes when Kafka acknowledged it (acks=all).
	 */
	Future<RecordMetadata> send(String incidentId, long sequence) {
		return this.producer
			.send(new ProducerRecord<>(this.topic, incidentId, (sequence + ":").getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * Inserts the event row (autocommit) and sends it, waiting for Kafka's
	 * acknowledgement.
	 */
	void append(PreparedStatement insert, String incidentId, long sequence, byte[] payload)
			throws SQLException, InterruptedException, ExecutionException {
		insertEvent(insert, incidentId, sequence, payload);
		insert.executeUpdate();
		send(incidentId, sequence).get();
	}

	static String insertSql() {
		return "insert into events (incident_id, sequence, payload) values (?::uuid, ?, ?)";
	}

	static void insertEvent(PreparedStatement insert, String incidentId, long sequence, byte[] payload)
			throws SQLException {
		insert.setString(1, incidentId);
		insert.setLong(2, sequence);
		insert.setBytes(3, payload);
	}

	/**
	 * Waits until the projector applied that many events of these incidents; keyed
	 * {@code id/sequence}.
	 */
	Map<String, Instant> awaitVisible(List<String> ids, int expected) throws SQLException, InterruptedException {
		requireHealthy();
		Map<String, Instant> visible = Bench.awaitVisible(this.jdbc,
				"select incident_id::text, sequence, applied_at from applied where incident_id = any(?::uuid[])", ids,
				expected);
		requireHealthy();
		return visible;
	}

	private void requireHealthy() {
		if (this.failure.get() != null) {
			throw new IllegalStateException("the baseline projector failed", this.failure.get());
		}
	}

	private void project() {
		try (Connection connection = connection();
				PreparedStatement upsert = connection.prepareStatement("""
						insert into projection (incident_id, last_sequence) values (?::uuid, ?)
						on conflict (incident_id) do update set last_sequence = excluded.last_sequence
						where projection.last_sequence < excluded.last_sequence""");
				PreparedStatement applied = connection
					.prepareStatement("insert into applied values (?::uuid, ?, ?) on conflict do nothing")) {
			connection.setAutoCommit(false);
			this.consumer.subscribe(List.of(this.topic));
			while (this.running) {
				ConsumerRecords<String, byte[]> records = this.consumer.poll(Duration.ofMillis(100));
				if (records.isEmpty()) {
					continue;
				}
				for (ConsumerRecord<String, byte[]> record : records) {
					long sequence = Long.parseLong(new String(record.value(), StandardCharsets.US_ASCII).split(":")[0]);
					upsert.setString(1, record.key());
					upsert.setLong(2, sequence);
					upsert.executeUpdate();
					applied.setString(1, record.key());
					applied.setLong(2, sequence);
					applied.setTimestamp(3, Timestamp.from(Instant.now()));
					applied.executeUpdate();
				}
				connection.commit();
				this.consumer.commitSync();
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (SQLException | RuntimeException ex) {
			this.failure.set(ex);
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.projector.join(15_000);
		this.producer.close(Duration.ofSeconds(10));
	}

}
