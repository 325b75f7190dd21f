package io.incidenttimeline.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code deploy/local/benchmark.sh [--commands=N] [--concurrency=C]}: starts a fresh
 * local system, drives N commands through it over HTTP with C concurrent clients, and
 * measures commands/s accepted, events/s visible on the query side (the moment the query
 * service applied each event, from {@code incident_events.applied_at}) and
 * command→visible latency. In the same run it measures a raw baseline doing the same
 * durable work by hand on the same PostgreSQL and Kafka — insert of the event row, Kafka
 * send with acks=all, consume, upsert of a projection row — and prints our figures as
 * ratios of it. Not part of the test suite.
 */
public final class Benchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(5);

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int commands = Integer.parseInt(options.getOrDefault("commands", "2000"));
		int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
		Path root = Path.of(System.getenv().getOrDefault("REPOSITORY_ROOT", ".")).toAbsolutePath().normalize();
		Path data = Files.createTempDirectory("incident-benchmark-");
		System.out.printf(
				"Benchmark: %d commands (after %d to warm up), %d concurrent clients; starting a fresh local system in %s%n",
				commands, warmup, concurrency, data);
		try (LocalSystem system = new LocalSystem(LocalSystem.Settings.freePorts(data, root)).start()) {
			if (warmup > 0) {
				incidentTimeline(system, warmup, concurrency);
				rawBaseline(system, warmup, concurrency);
			}
			Figures ours = incidentTimeline(system, commands, concurrency);
			Figures baseline = rawBaseline(system, commands, concurrency);
			System.out.println();
			System.out.printf("%-34s %14s %14s %8s%n", "", "incident-timeline", "raw baseline", "ratio");
			row("commands/s accepted", ours.acceptedPerSecond(), baseline.acceptedPerSecond());
			row("events/s visible on the query side", ours.visiblePerSecond(), baseline.visiblePerSecond());
			row("command->visible p50 (ms)", ours.latency(0.50), baseline.latency(0.50));
			row("command->visible p90 (ms)", ours.latency(0.90), baseline.latency(0.90));
			row("command->visible p99 (ms)", ours.latency(0.99), baseline.latency(0.99));
			row("command->visible max (ms)", ours.latency(1.0), baseline.latency(1.0));
			System.out
				.println("ratio = incident-timeline / raw baseline (throughput: higher is better; latency: lower)");
		}
	}

	private static Figures incidentTimeline(LocalSystem system, int commands, int concurrency) throws Exception {
		HttpClient http = HttpClient.newBuilder().build();
		String token = system.automationToken();
		int incidents = Math.max(16, concurrency);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < incidents; i++) {
			JsonNode declared = post(http, token, system.commandUrl() + "/api/incidents",
					"{\"title\":\"benchmark " + i + "\",\"severity\":\"SEV-4\",\"services\":[\"benchmark\"]}");
			ids.add(declared.get("incidentId").asText());
		}
		Map<String, Instant> sentAt = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		Instant start = Instant.now();
		runClients(concurrency, () -> {
			for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
				String id = ids.get(i % incidents);
				Instant sent = Instant.now();
				JsonNode result = post(http, token, system.commandUrl() + "/api/incidents/" + id + "/notes",
						"{\"note\":\"benchmark note " + i + "\"}");
				sentAt.put(id + "/" + result.get("sequence").asLong(), sent);
			}
			return null;
		});
		Instant accepted = Instant.now();
		Map<String, Instant> visibleAt = awaitVisible(system.jdbcUrl("incident_query"),
				"select incident_id::text, sequence, applied_at from incident_events where sequence > 1 and incident_id = any(?::uuid[])",
				ids, commands);
		return Figures.of(commands, start, accepted, sentAt, visibleAt);
	}

	private static Figures rawBaseline(LocalSystem system, int commands, int concurrency) throws Exception {
		String url = system.jdbcUrl("incident_command").replace("/incident_command", "/postgres");
		try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres")) {
			admin.createStatement().execute("drop database if exists benchmark_baseline");
			admin.createStatement().execute("create database benchmark_baseline");
		}
		String jdbc = url.replace("/postgres", "/benchmark_baseline");
		try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
			connection.createStatement().execute("""
					create table events (global_index bigserial primary key, incident_id uuid not null,
					  sequence bigint not null, payload bytea not null, unique (incident_id, sequence));
					create table projection (incident_id uuid primary key, last_sequence bigint not null);
					create table applied (incident_id uuid, sequence bigint, applied_at timestamptz,
					  primary key (incident_id, sequence));""");
		}
		String topic = "benchmark-baseline-" + UUID.randomUUID();
		int incidents = Math.max(16, concurrency);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < incidents; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
		ids.forEach((id) -> sequences.put(id, new AtomicInteger(1)));
		Map<String, Instant> sentAt = new ConcurrentHashMap<>();
		Thread projector = new Thread(() -> project(system.kafkaBootstrapServers(), topic, jdbc, commands),
				"baseline-projector");
		projector.start();
		AtomicInteger next = new AtomicInteger();
		Instant start;
		Instant accepted;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG,
				"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			start = Instant.now();
			runClients(concurrency, () -> {
				try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres");
						PreparedStatement insert = connection.prepareStatement(
								"insert into events (incident_id, sequence, payload) values (?::uuid, ?, ?)")) {
					for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
						String id = ids.get(i % incidents);
						Instant sent = Instant.now();
						long sequence;
						byte[] payload = ("{\"note\":\"benchmark note " + i + "\"}").getBytes();
						synchronized (sequences.get(id)) {
							sequence = sequences.get(id).incrementAndGet();
							insert.setString(1, id);
							insert.setLong(2, sequence);
							insert.setBytes(3, payload);
							insert.executeUpdate();
							producer.send(new ProducerRecord<>(topic, id, (sequence + ":").getBytes())).get();
						}
						sentAt.put(id + "/" + sequence, sent);
					}
				}
				return null;
			});
			accepted = Instant.now();
		}
		Map<String, Instant> visibleAt = awaitVisible(jdbc,
				"select incident_id::text, sequence, applied_at from applied where incident_id = any(?::uuid[])", ids,
				commands);
		projector.interrupt();
		return Figures.of(commands, start, accepted, sentAt, visibleAt);
	}

	/**
	 * The baseline's read side: consume, upsert the projection row and record the moment
	 * in one transaction, then commit the offset.
	 */
	private static void project(String bootstrapServers, String topic, String jdbc, int expected) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, topic,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
				Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres");
				PreparedStatement upsert = connection.prepareStatement("""
						insert into projection (incident_id, last_sequence) values (?::uuid, ?)
						on conflict (incident_id) do update set last_sequence = excluded.last_sequence
						where projection.last_sequence < excluded.last_sequence""");
				PreparedStatement applied = connection
					.prepareStatement("insert into applied values (?::uuid, ?, ?) on conflict do nothing")) {
			connection.setAutoCommit(false);
			consumer.subscribe(List.of(topic));
			int seen = 0;
			while (seen < expected && !Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					long sequence = Long.parseLong(new String(record.value()).split(":")[0]);
					upsert.setString(1, record.key());
					upsert.setLong(2, sequence);
					upsert.executeUpdate();
					applied.setString(1, record.key());
					applied.setLong(2, sequence);
					applied.setTimestamp(3, Timestamp.from(Instant.now()));
					applied.executeUpdate();
					connection.commit();
					consumer.commitSync();
					seen++;
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (org.apache.kafka.common.errors.InterruptException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, Instant> awaitVisible(String jdbc, String query, List<String> ids, int expected)
			throws SQLException, InterruptedException {
		Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
		try (Connection connection = DriverManager.getConnection(jdbc, "postgres", "postgres");
				PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
			while (true) {
				Map<String, Instant> visible = new HashMap<>();
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						visible.put(rows.getString(1) + "/" + rows.getLong(2), rows.getTimestamp(3).toInstant());
					}
				}
				if (visible.size() >= expected) {
					return visible;
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(
							"only " + visible.size() + " of " + expected + " events visible after " + VISIBLE_TIMEOUT);
				}
				Thread.sleep(100);
			}
		}
	}

	private static JsonNode post(HttpClient http, String token, String url, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private static void runClients(int concurrency, java.util.concurrent.Callable<Void> client) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Void>> running = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				running.add(pool.submit(client));
			}
			for (Future<Void> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void row(String name, double ours, double baseline) {
		System.out.printf("%-34s %17.1f %14.1f %8.2f%n", name, ours, baseline, ours / baseline);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --commands=N --concurrency=C --warmup=W, not " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	record Figures(int commands, double acceptedPerSecond, double visiblePerSecond, double[] latenciesMillis) {

		static Figures of(int commands, Instant start, Instant accepted, Map<String, Instant> sentAt,
				Map<String, Instant> visibleAt) {
			Instant lastVisible = visibleAt.values().stream().max(Instant::compareTo).orElseThrow();
			double[] latencies = sentAt.entrySet()
				.stream()
				.mapToDouble((e) -> Duration.between(e.getValue(), visibleAt.get(e.getKey())).toNanos() / 1e6)
				.sorted()
				.toArray();
			return new Figures(commands, commands / seconds(start, accepted), commands / seconds(start, lastVisible),
					latencies);
		}

		double latency(double quantile) {
			int index = (int) Math.ceil(quantile * this.latenciesMillis.length) - 1;
			return this.latenciesMillis[Math.max(0, Math.min(index, this.latenciesMillis.length - 1))];
		}

		private static double seconds(Instant from, Instant to) {
			return Duration.between(from, to).toNanos() / 1e9;
		}

	}

}
