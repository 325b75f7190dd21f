package io.incidenttimeline.local;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --mode=rebuild}: rebuilds every projection of the query service from its own
 * copy of the events, one after the other, through the admin endpoint ({@code POST
 * /api/admin/projections/{name}/rebuild} on the management port, with the sample admin's
 * token, ada's), on whatever the query side holds: after the other modes when run as
 * {@code all}; alone it first seeds {@code --rebuild-events} across
 * {@code --rebuild-incidents} with {@link EventStoreSeeder}. Each rebuild must replay
 * every event the query side can read ({@code incident_events} with {@code known}).
 * Reports events/s per projection (events replayed / wall time of its call) and over all
 * projections (sum of events replayed / sum of wall times).
 * <p>
 * The baseline reads the same rows raw ({@code incident_id, sequence, wire} from
 * {@code incident_events}, keyset pages of 1000 ordered by incident and sequence) and
 * upserts one row per incident into a scratch table with a JDBC batch per page, all in
 * one transaction: events/s of one pass.
 * <p>
 * Options: {@code --rebuild-events=100000 --rebuild-incidents=2000} (alone only),
 * {@code --seed-timeout=3600}.
 */
final class RebuildMode {

	private static final int PAGE = 1000;

	private final boolean seed;

	private final int events;

	private final int incidents;

	private final Duration seedTimeout;

	RebuildMode(Options options, boolean seed) {
		this.seed = seed;
		this.events = seed ? options.integer("rebuild-events", 100_000, 2_000) : 0;
		this.incidents = seed ? options.integer("rebuild-incidents", 2_000, 40) : 0;
		this.seedTimeout = seed ? options.seconds("seed-timeout", 3600, 300) : Duration.ZERO;
	}

	Table run(LocalSystem system, PrintStream out) throws Exception {
		if (this.seed) {
			new EventStoreSeeder(system, this.events / this.incidents, out).seed(this.incidents, this.seedTimeout);
		}
		String query = system.jdbcUrl("incident_query");
		long known = Bench.count(query, "select count(*) from incident_events where known");
		String token = system.personToken("ada");
		String admin = system.queryManagementUrl() + "/api/admin/projections";
		List<String> names = new ArrayList<>();
		Bench.json(Bench.send(Bench.request(admin, token).GET().build())).forEach((name) -> names.add(name.asText()));
		Bench.progress(out, "rebuild: %d projections %s from %d events", names.size(), names, known);
		Map<String, Double> seconds = new LinkedHashMap<>();
		long replayedInAll = 0;
		for (String name : names) {
			Instant start = Instant.now();
			JsonNode rebuilt = Bench.json(Bench.send(Bench.request(admin + "/" + name + "/rebuild", token)
				.timeout(Duration.ofHours(1))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build()));
			seconds.put(name, Bench.seconds(start, Instant.now()));
			long replayed = rebuilt.get("eventsReplayed").asLong();
			if (replayed != known) {
				throw new IllegalStateException(
						"rebuilding " + name + " replayed " + replayed + " events, the query side holds " + known);
			}
			replayedInAll += replayed;
		}
		double baseline = rawBaseline(system, known);
		Table table = new Table("rebuild: every projection (" + names.size() + ") from " + known + " events");
		for (String name : names) {
			table.row(name + ": events/s", known / seconds.get(name), baseline);
		}
		double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
		table.row("all projections: events/s (sum)", replayedInAll / total, baseline);
		table.row("all projections: seconds", total, names.size() * known / baseline);
		table.note("baseline: one raw pass (paged read + batched upsert into a scratch table) per projection; "
				+ "ratio = incident-timeline / raw baseline");
		return table;
	}

	private double rawBaseline(LocalSystem system, long expected) throws Exception {
		String scratch = Bench.scratchDatabase(system, "benchmark_rebuild");
		try (Connection source = Bench.connect(system.jdbcUrl("incident_query"));
				Connection target = Bench.connect(scratch)) {
			target.createStatement()
				.execute("create table rebuilt (incident_id uuid primary key, last_sequence bigint not null, "
						+ "events bigint not null, last_size int not null)");
			source.setAutoCommit(false);
			target.setAutoCommit(false);
			Instant start = Instant.now();
			long read = 0;
			try (PreparedStatement page = source.prepareStatement(
					"""
							select incident_id, sequence, wire from incident_events where known and (incident_id, sequence) > (?, ?)
							order by incident_id, sequence limit ?""");
					PreparedStatement upsert = target.prepareStatement("""
							insert into rebuilt values (?, ?, 1, ?) on conflict (incident_id) do update
							set last_sequence = excluded.last_sequence, events = rebuilt.events + 1,
							  last_size = excluded.last_size""")) {
				target.createStatement().execute("truncate rebuilt");
				UUID incident = new UUID(0, 0);
				long sequence = 0;
				int rows;
				do {
					page.setObject(1, incident);
					page.setLong(2, sequence);
					page.setInt(3, PAGE);
					rows = 0;
					try (ResultSet found = page.executeQuery()) {
						while (found.next()) {
							incident = found.getObject(1, UUID.class);
							sequence = found.getLong(2);
							byte[] wire = found.getBytes(3);
							upsert.setObject(1, incident);
							upsert.setLong(2, sequence);
							upsert.setInt(3, wire.length);
							upsert.addBatch();
							rows++;
						}
					}
					upsert.executeBatch();
					read += rows;
				}
				while (rows == PAGE);
			}
			target.commit();
			source.commit();
			double seconds = Bench.seconds(start, Instant.now());
			if (read != expected) {
				throw new IllegalStateException("the raw rebuild read " + read + " events, expected " + expected);
			}
			return read / seconds;
		}
	}

}
