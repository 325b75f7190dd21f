package io.incidenttimeline.local;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --mode=latency}: open loop. For each rate R, command i (a timeline note on one
 * of I incidents, round robin) is due at t0 + i/R and is sent then, asynchronously, so a
 * slow answer never delays the next send (no coordinated omission); S seconds per rate.
 * Latency = the moment the query service applied the event ({@code applied_at}) minus the
 * command's intended send time, over every command. The baseline runs the same schedule
 * through {@link RawPipeline} (each due write handed to a pool of 64 threads: insert +
 * send acks=all, per incident in order; consumed and upserted on the other side).
 * <p>
 * Before the first rate, both run the first rate's schedule for the warm-up seconds,
 * unmeasured, so the first rate does not pay for class loading and the JIT.
 * <p>
 * Options:
 * {@code --rates=50,100,200 --seconds=20 --latency-incidents=32 --latency-warmup=60}.
 */
final class LatencyMode {

	private static final int BASELINE_THREADS = 64;

	private final List<Integer> rates;

	private final int seconds;

	private final int incidents;

	private final int warmup;

	LatencyMode(Options options) {
		this.rates = options.integers("rates", "50,100,200", "10");
		this.seconds = options.integer("seconds", 20, 3);
		this.incidents = options.integer("latency-incidents", 32, 8);
		this.warmup = options.integer("latency-warmup", 60, 1);
	}

	Table run(LocalSystem system, PrintStream out) throws Exception {
		Table table = new Table("latency: open loop, " + this.seconds + " s per rate, notes on " + this.incidents
				+ " incidents after a " + this.warmup
				+ " s warm-up; latency from the intended send time to visible on the query side");
		try (RawPipeline raw = new RawPipeline(system, "latency")) {
			int first = this.rates.get(0);
			Bench.progress(out, "latency: warming up, %d commands/s for %d s", first, this.warmup);
			// the raw baseline first, so that the services go from their warm-up
			// straight to the first measured rate (as in ThroughputMode)
			rawBaseline(raw, first, this.warmup);
			incidentTimeline(system, first, this.warmup);
			for (int rate : this.rates) {
				Bench.progress(out, "latency: %d commands/s for %d s", rate, this.seconds);
				Figures ours = incidentTimeline(system, rate, this.seconds);
				Figures baseline = rawBaseline(raw, rate, this.seconds);
				table.row(rate + "/s: achieved commands/s", ours.achievedRate(), baseline.achievedRate());
				table.row(rate + "/s: error answers", ours.errors().size(), baseline.errors().size());
				if (!ours.errors().isEmpty()) {
					table.failure(rate + "/s: " + ours.errors().size() + " of " + rate * this.seconds
							+ " commands were answered with an error, first: " + ours.errors().get(0));
				}
				table.row(rate + "/s: intended->accepted p99 (ms)", ours.accepted(0.99), baseline.accepted(0.99));
				table.row(rate + "/s: intended->visible p50 (ms)", ours.visible(0.50), baseline.visible(0.50));
				table.row(rate + "/s: intended->visible p99 (ms)", ours.visible(0.99), baseline.visible(0.99));
				table.row(rate + "/s: intended->visible max (ms)", ours.visible(1.0), baseline.visible(1.0));
				table.row(rate + "/s: accepted->visible p50 (ms)", ours.pipeline(0.50), baseline.pipeline(0.50));
				table.row(rate + "/s: accepted->visible p99 (ms)", ours.pipeline(0.99), baseline.pipeline(0.99));
				table.row(rate + "/s: recorded->in Kafka p50 (ms)", ours.recordedToKafka(0.50), Double.NaN);
				table.row(rate + "/s: recorded->in Kafka p99 (ms)", ours.recordedToKafka(0.99), Double.NaN);
				table.row(rate + "/s: in Kafka->visible p50 (ms)", ours.kafkaToVisible(0.50), Double.NaN);
				table.row(rate + "/s: in Kafka->visible p99 (ms)", ours.kafkaToVisible(0.99), Double.NaN);
			}
		}
		table.note("percentiles over every command of each rate (every accepted one when some were refused); "
				+ "achieved = accepted commands / (last acceptance - start); ratio = incident-timeline / raw baseline");
		return table;
	}

	private Figures incidentTimeline(LocalSystem system, int rate, int seconds) throws Exception {
		String token = system.automationToken();
		List<String> ids = ThroughputMode.declare(system, token, this.incidents, "latency " + rate + "/s");
		Bench.awaitVisible(system.jdbcUrl("incident_query"),
				"select incident_id::text, sequence, applied_at from incident_events where incident_id = any(?::uuid[])",
				ids, ids.size());
		int count = rate * seconds;
		PublishedTimes published = new PublishedTimes(system);
		ExecutorService callbacks = Executors.newFixedThreadPool(4);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(callbacks)
			.build();
		Map<String, Instant> intendedAt = new ConcurrentHashMap<>();
		Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
		List<Double> accepted = Collections.synchronizedList(new ArrayList<>());
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		AtomicLong lastAccepted = new AtomicLong();
		List<CompletableFuture<?>> sent = new ArrayList<>();
		Schedule schedule = new Schedule(rate);
		try {
			for (int i = 0; i < count; i++) {
				Instant intended = schedule.awaitDue(i);
				String id = this.ids(ids, i);
				HttpRequest request = HttpRequest
					.newBuilder(URI.create(system.commandUrl() + "/api/incidents/" + id + "/notes"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + token)
					.POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"latency note " + i + "\"}"))
					.build();
				sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, ex) -> {
					Instant now = Instant.now();
					if (ex != null) {
						failures.add(request.uri() + ": " + ex);
					}
					else if (response.statusCode() >= 300) {
						failures.add(request.uri() + " answered " + response.statusCode() + ": " + response.body());
					}
					else {
						JsonNode body = Bench.json(response);
						intendedAt.put(id + "/" + body.get("sequence").asLong(), intended);
						acceptedAt.put(id + "/" + body.get("sequence").asLong(), now);
						accepted.add(Bench.millis(intended, now));
						lastAccepted.accumulateAndGet(epochMicros(now), Math::max);
					}
				}));
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
				.handle((v, ex) -> null)
				.get(2, TimeUnit.MINUTES);
		}
		finally {
			callbacks.shutdown();
		}
		Map<String, Instant> visibleAt = Bench.awaitVisible(system.jdbcUrl("incident_query"),
				"select incident_id::text, sequence, applied_at from incident_events where sequence > 1 and incident_id = any(?::uuid[])",
				ids, intendedAt.size());
		Map<String, Instant> recordedAt = Bench.awaitVisible(system.jdbcUrl("incident_query"),
				"select incident_id::text, sequence, recorded_at from incident_events where sequence > 1 and incident_id = any(?::uuid[])",
				ids, intendedAt.size());
		Map<String, Instant> publishedAt;
		try (published) {
			publishedAt = published.await(intendedAt.keySet(), Duration.ofSeconds(30));
		}
		return Figures
			.of(schedule, count, micros(lastAccepted.get()), accepted, intendedAt, acceptedAt, visibleAt, failures)
			.split(between(recordedAt, publishedAt, intendedAt.keySet()),
					between(publishedAt, visibleAt, intendedAt.keySet()));
	}

	private Figures rawBaseline(RawPipeline raw, int rate, int seconds) throws Exception {
		int count = rate * seconds;
		List<String> ids = new ArrayList<>();
		Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
		for (int i = 0; i < this.incidents; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			sequences.put(id, new AtomicLong(1));
		}
		// every connection opened before the schedule starts
		BlockingQueue<PreparedStatement> inserts = new ArrayBlockingQueue<>(BASELINE_THREADS);
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < BASELINE_THREADS; i++) {
			Connection connection = raw.connection();
			connections.add(connection);
			inserts.add(connection.prepareStatement(RawPipeline.insertSql()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(BASELINE_THREADS);
		Map<String, Instant> intendedAt = new ConcurrentHashMap<>();
		Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
		List<Double> accepted = Collections.synchronizedList(new ArrayList<>());
		AtomicLong lastAccepted = new AtomicLong();
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		Schedule schedule = new Schedule(rate);
		try {
			for (int i = 0; i < count; i++) {
				Instant intended = schedule.awaitDue(i);
				String id = this.ids(ids, i);
				byte[] payload = ("{\"note\":\"latency note " + i + "\"}").getBytes();
				sent.add(CompletableFuture.runAsync(() -> {
					try {
						long sequence;
						PreparedStatement insert = inserts.take();
						try {
							synchronized (sequences.get(id)) {
								sequence = sequences.get(id).incrementAndGet();
								raw.append(insert, id, sequence, payload);
							}
						}
						finally {
							inserts.add(insert);
						}
						Instant now = Instant.now();
						intendedAt.put(id + "/" + sequence, intended);
						acceptedAt.put(id + "/" + sequence, now);
						accepted.add(Bench.millis(intended, now));
						lastAccepted.accumulateAndGet(epochMicros(now), Math::max);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool));
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(10, TimeUnit.SECONDS);
			for (Connection connection : connections) {
				connection.close();
			}
		}
		Map<String, Instant> visibleAt = raw.awaitVisible(ids, count);
		return Figures.of(schedule, count, micros(lastAccepted.get()), accepted, intendedAt, acceptedAt, visibleAt,
				List.of());
	}

	private static double[] between(Map<String, Instant> from, Map<String, Instant> to, Set<String> keys) {
		return keys.stream()
			.filter((key) -> from.containsKey(key) && to.containsKey(key))
			.mapToDouble((key) -> Bench.millis(from.get(key), to.get(key)))
			.toArray();
	}

	private String ids(List<String> ids, int i) {
		return ids.get(i % ids.size());
	}

	private static long epochMicros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	private static Instant micros(long epochMicros) {
		return Instant.ofEpochSecond(epochMicros / 1_000_000, (epochMicros % 1_000_000) * 1000);
	}

	/**
	 * When each command is due: {@code start + i/rate}, on the wall clock (the query
	 * side's {@code applied_at} is wall-clock time too), waited for with the monotonic
	 * clock.
	 */
	static final class Schedule {

		private final long startNanos;

		private final Instant start;

		private final double nanosPerCommand;

		Schedule(int rate) {
			this.startNanos = System.nanoTime() + 50_000_000;
			this.start = Instant.now().plusMillis(50);
			this.nanosPerCommand = 1e9 / rate;
		}

		Instant awaitDue(int i) {
			long offset = Math.round(i * this.nanosPerCommand);
			long due = this.startNanos + offset;
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			return this.start.plusNanos(offset);
		}

		Instant start() {
			return this.start;
		}

	}

	/**
	 * @param errors the commands answered with an error (or not at all): the latencies
	 * are those of the others
	 */
	/**
	 * @param recordedToKafkaMillis from the event's {@code recordedAt} (command service
	 * clock, before its commit) to its Kafka record's timestamp: the command's commit and
	 * the publisher; empty for the baseline
	 * @param kafkaToVisibleMillis from the Kafka record's timestamp to applied on the
	 * query side; empty for the baseline
	 */
	record Figures(double achievedRate, double[] acceptedMillis, double[] visibleMillis, double[] pipelineMillis,
			double[] recordedToKafkaMillis, double[] kafkaToVisibleMillis, List<String> errors) {

		static Figures of(Schedule schedule, int count, Instant lastAccepted, List<Double> accepted,
				Map<String, Instant> intendedAt, Map<String, Instant> acceptedAt, Map<String, Instant> visibleAt,
				List<String> errors) {
			double[] visible = intendedAt.entrySet()
				.stream()
				.mapToDouble((e) -> Bench.millis(e.getValue(), visibleAt.get(e.getKey())))
				.toArray();
			// after the answer: what the pipeline (publisher, Kafka, projection) adds
			double[] pipeline = acceptedAt.entrySet()
				.stream()
				.mapToDouble((e) -> Bench.millis(e.getValue(), visibleAt.get(e.getKey())))
				.toArray();
			if (visible.length + errors.size() != count) {
				throw new IllegalStateException(
						"measured " + visible.length + " of " + count + " commands and " + errors.size() + " errors");
			}
			return new Figures(visible.length / Bench.seconds(schedule.start(), lastAccepted),
					accepted.stream().mapToDouble(Double::doubleValue).toArray(), visible, pipeline, new double[0],
					new double[0], List.copyOf(errors));
		}

		Figures split(double[] recordedToKafka, double[] kafkaToVisible) {
			return new Figures(this.achievedRate, this.acceptedMillis, this.visibleMillis, this.pipelineMillis,
					recordedToKafka, kafkaToVisible, this.errors);
		}

		double accepted(double q) {
			return Bench.quantile(this.acceptedMillis, q);
		}

		double visible(double q) {
			return Bench.quantile(this.visibleMillis, q);
		}

		double pipeline(double q) {
			return Bench.quantile(this.pipelineMillis, q);
		}

		double recordedToKafka(double q) {
			return Bench.quantile(this.recordedToKafkaMillis, q);
		}

		double kafkaToVisible(double q) {
			return Bench.quantile(this.kafkaToVisibleMillis, q);
		}

	}

}
