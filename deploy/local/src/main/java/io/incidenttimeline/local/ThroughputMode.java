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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --mode=throughput}: closed loop. C clients each send the next command (a
 * timeline note on one of max(16, C) incidents) as soon as the previous one was answered,
 * N commands in all, after W to warm up. Measures commands/s accepted, events/s visible
 * on the query side (the moment the query service applied each event, from
 * {@code incident_events.applied_at}) and command→visible latency from the moment each
 * command was sent. The baseline: the same N writes with C threads through
 * {@link RawPipeline} (insert + send acks=all, per incident in order).
 * <p>
 * Options: {@code --commands=2000 --concurrency=8 --warmup=500}.
 */
final class ThroughputMode {

	private final int commands;

	private final int concurrency;

	private final int warmup;

	ThroughputMode(Options options) {
		this.commands = options.integer("commands", 2000, 50);
		this.concurrency = options.integer("concurrency", 8, 4);
		this.warmup = options.integer("warmup", 500, 20);
	}

	Table run(LocalSystem system, PrintStream out) throws Exception {
		Bench.progress(out, "throughput: %d commands (after %d to warm up), %d concurrent clients", this.commands,
				this.warmup, this.concurrency);
		try (RawPipeline raw = new RawPipeline(system, "throughput")) {
			if (this.warmup > 0) {
				incidentTimeline(system, this.warmup);
				rawBaseline(raw, this.warmup);
			}
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
