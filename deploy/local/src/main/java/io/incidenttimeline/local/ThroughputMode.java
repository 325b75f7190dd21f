package io.incidenttimeline.local;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --mode=throughput}: closed loop. C clients each send the next command (a
 * timeline note on one of max(16, C) incidents) as soon as the previous one was answered,
 * N commands in all, after warming up: rounds of W commands until at least the warm-up
 * seconds have passed (the services' JIT compilers keep compiling for a minute and more
 * after a start: after 1,000 commands they still took a quarter of the machine). Measures
 * commands/s accepted, events/s visible on the query side (the moment the query service
 * applied each event, from {@code incident_events.applied_at}) and command→visible
 * latency from the moment each command was sent. The baseline: the same N writes with C
 * threads through {@link RawPipeline} (insert + send acks=all, per incident in order).
 * <p>
 * Options: {@code --commands=2000 --concurrency=8 --warmup=500 --warmup-seconds=90}.
 */
final class ThroughputMode {

	private final int commands;

	private final int concurrency;

	private final int warmup;

	private final Duration warmupTime;

	ThroughputMode(Options options) {
		this.commands = options.integer("commands", 2000, 50);
		this.concurrency = options.integer("concurrency", 8, 4);
		this.warmup = options.integer("warmup", 500, 20);
		if (this.warmup < 1) {
			throw new IllegalArgumentException("--warmup must be at least 1 (a round of commands)");
		}
		this.warmupTime = options.seconds("warmup-seconds", 90, 0);
	}

	Table run(LocalSystem system, PrintStream out) throws Exception {
		Bench.progress(out,
				"throughput: %d commands (after rounds of %d to warm up, for at least %d s), %d concurrent clients",
				this.commands, this.warmup, this.warmupTime.toSeconds(), this.concurrency);
		try (RawPipeline raw = new RawPipeline(system, "throughput")) {
			// each side is measured right after its own warm-up: when the raw baseline
			// warmed up in between, the idle services deoptimised code 72 times in their
			// measured seconds and their compilers still took 0.16 core (JFR)
			int rawRounds = warmUp(() -> rawBaseline(raw, this.warmup));
			int rounds = warmUp(() -> incidentTimeline(system, this.warmup));
			Bench.progress(out, "throughput: warmed up with %d rounds (raw baseline %d)", rounds, rawRounds);
			Figures ours = incidentTimeline(system, this.commands);
			Figures baseline = rawBaseline(raw, this.commands);
			Table table = new Table("throughput: closed loop, " + this.commands + " commands, " + this.concurrency
					+ " concurrent clients");
			table.row("commands/s accepted", ours.acceptedPerSecond(), baseline.acceptedPerSecond());
			table.row("events/s visible on the query side", ours.visiblePerSecond(), baseline.visiblePerSecond());
			table.row("command->visible p50 (ms)", ours.latency(0.50), baseline.latency(0.50));
			table.row("command->visible p90 (ms)", ours.latency(0.90), baseline.latency(0.90));
			table.row("command->visible p99 (ms)", ours.latency(0.99), baseline.latency(0.99));
			table.row("command->visible max (ms)", ours.latency(1.0), baseline.latency(1.0));
			table.note("ratio = incident-timeline / raw baseline (throughput: higher is better; latency: lower)");
			return table;
		}
	}

	/**
	 * Runs a warm-up round, then more until the warm-up time has passed.
	 */
	private int warmUp(Callable<Figures> round) throws Exception {
		Instant start = Instant.now();
		int rounds = 0;
		while (rounds == 0 || Duration.between(start, Instant.now()).compareTo(this.warmupTime) < 0) {
			round.call();
			rounds++;
		}
		return rounds;
	}

	private Figures incidentTimeline(LocalSystem system, int count) throws Exception {
		String token = system.automationToken();
		int incidents = Math.max(16, this.concurrency);
		List<String> ids = declare(system, token, incidents, "throughput");
		Map<String, Instant> sentAt = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		Instant start = Instant.now();
		Bench.runClients(this.concurrency, () -> {
			for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				String id = ids.get(i % incidents);
				Instant sent = Instant.now();
				JsonNode result = Bench.post(token, system.commandUrl() + "/api/incidents/" + id + "/notes",
						"{\"note\":\"benchmark note " + i + "\"}");
				sentAt.put(id + "/" + result.get("sequence").asLong(), sent);
			}
			return null;
		});
		Instant accepted = Instant.now();
		Map<String, Instant> visibleAt = Bench.awaitVisible(system.jdbcUrl("incident_query"),
				"select incident_id::text, sequence, applied_at from incident_events where sequence > 1 and incident_id = any(?::uuid[])",
				ids, count);
		return Figures.of(count, start, accepted, sentAt, visibleAt);
	}

	/**
	 * Declares that many incidents for a benchmark's notes; their ids.
	 */
	static List<String> declare(LocalSystem system, String token, int incidents, String name) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < incidents; i++) {
			JsonNode declared = Bench.post(token, system.commandUrl() + "/api/incidents", "{\"title\":\"benchmark "
					+ name + " " + i + "\",\"severity\":\"SEV-4\",\"services\":[\"benchmark\"]}");
			ids.add(declared.get("incidentId").asText());
		}
		return ids;
	}

	private Figures rawBaseline(RawPipeline raw, int count) throws Exception {
		int incidents = Math.max(16, this.concurrency);
		List<String> ids = new ArrayList<>();
		Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
		for (int i = 0; i < incidents; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			sequences.put(id, new AtomicInteger(1));
		}
		Map<String, Instant> sentAt = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		Instant start = Instant.now();
		Bench.runClients(this.concurrency, () -> {
			try (Connection connection = raw.connection();
					PreparedStatement insert = connection.prepareStatement(RawPipeline.insertSql())) {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					String id = ids.get(i % incidents);
					Instant sent = Instant.now();
					long sequence;
					byte[] payload = ("{\"note\":\"benchmark note " + i + "\"}").getBytes();
					synchronized (sequences.get(id)) {
						sequence = sequences.get(id).incrementAndGet();
						raw.append(insert, id, sequence, payload);
					}
					sentAt.put(id + "/" + sequence, sent);
				}
			}
			return null;
		});
		Instant accepted = Instant.now();
		Map<String, Instant> visibleAt = raw.awaitVisible(ids, count);
		return Figures.of(count, start, accepted, sentAt, visibleAt);
	}

	record Figures(int commands, double acceptedPerSecond, double visiblePerSecond, double[] latenciesMillis) {

		static Figures of(int commands, Instant start, Instant accepted, Map<String, Instant> sentAt,
				Map<String, Instant> visibleAt) {
			Instant lastVisible = visibleAt.values().stream().max(Instant::compareTo).orElseThrow();
			double[] latencies = sentAt.entrySet()
				.stream()
				.mapToDouble((e) -> Duration.between(e.getValue(), visibleAt.get(e.getKey())).toNanos() / 1e6)
				.toArray();
			return new Figures(commands, commands / Bench.seconds(start, accepted),
					commands / Bench.seconds(start, lastVisible), latencies);
		}

		double latency(double quantile) {
			return Bench.quantile(this.latenciesMillis, quantile);
		}

	}

}
