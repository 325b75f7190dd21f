package io.incidenttimeline.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

/**
 * {@code --mode=reads}: read latency at two sizes of history. First seeds the small size
 * (default 10,000 events, same events per incident as the full size, so 200 incidents)
 * with {@link EventStoreSeeder}, measures, then seeds up to the full size (default
 * 1,000,000 events across 20,000 incidents) and measures again. A measurement: for each
 * endpoint, R concurrent readers (default 8) call it back to back for S seconds after a
 * warm-up, every answer must be 200; p50/p99 over every call, each from sending the
 * request until the body is read and inflated, asking as browsers do ({@code
 * Accept-Encoding: gzip, deflate, br}: the status page's documents come gzipped).
 * Endpoints: the public {@code GET /api/v2/summary.json} and {@code GET /status}; with a
 * viewer's token (victor) {@code GET /api/incidents} (its default page), {@code GET
 * /api/incidents/{id}/timeline} of a random seeded incident, and {@code GET
 * /api/metrics/mttx} over the last 90 days. The baseline: the same readers running a
 * hand-written SQL query returning the equivalent data over JDBC, one connection each:
 * open status-page incidents and open component impacts (summary; plus 90 days of impact
 * days for the status page), count + first page of incidents by declaration time, one
 * incident's events in timeline order, an aggregate over the quarter's MTTx moments.
 * <p>
 * Options: {@code --events=1000000 --incidents=20000 --small-events=10000 --readers=8
 * --read-seconds=20 --read-warmup=2 --read-first-warmup=30 --seed-timeout=3600}
 * (seconds): before the first measurement every endpoint is called for
 * {@code --read-first-warmup} seconds untimed, so that the small size is not measured
 * while the JIT compiles (a recording showed the query service compiling most of a core
 * for its first five minutes, and list and timeline at 10,000 events twice as slow as at
 * 1,000,000).
 */
final class ReadsMode {

	/**
	 * What browsers send: the server may compress its answers.
	 */
	static final String ACCEPT_ENCODING = "gzip, deflate, br";

	private final int events;

	private final int incidents;

	private final int smallEvents;

	private final int readers;

	private final Duration seconds;

	private final Duration warmup;

	private final Duration seedTimeout;

	private final Duration firstWarmup;

	ReadsMode(Options options) {
		this.events = options.integer("events", 1_000_000, 2_000);
		this.incidents = options.integer("incidents", 20_000, 40);
		this.smallEvents = options.integer("small-events", 10_000, 500);
		this.readers = options.integer("readers", 8, 8);
		this.seconds = options.seconds("read-seconds", 20, 2);
		this.warmup = options.seconds("read-warmup", 2, 0.5);
		this.seedTimeout = options.seconds("seed-timeout", 3600, 300);
		this.firstWarmup = options.seconds("read-first-warmup", 30, 0.5);
		if (this.events % this.incidents != 0 || this.smallEvents % (this.events / this.incidents) != 0
				|| this.smallEvents >= this.events) {
			throw new IllegalArgumentException("--events must be a multiple of --incidents, and --small-events "
					+ "a smaller multiple of events per incident (" + this.events / Math.max(1, this.incidents) + ")");
		}
	}

	List<Table> run(LocalSystem system, PrintStream out) throws Exception {
		int perIncident = this.events / this.incidents;
		int smallIncidents = this.smallEvents / perIncident;
		Bench.progress(out, "reads: %d then %d events, %d per incident", this.smallEvents, this.events, perIncident);
		EventStoreSeeder seeder = new EventStoreSeeder(system, perIncident, out);
		List<String> seeded = new ArrayList<>(seeder.seed(smallIncidents, this.seedTimeout));
		Bench.progress(out, "reads: an untimed first round, %s s per endpoint, so the JIT has compiled every path",
				this.firstWarmup.toMillis() / 1000.0);
		measure(system, seeded, Duration.ZERO, this.firstWarmup, false, out);
		Figures small = measure(system, seeded, this.warmup, this.seconds, true, out);
		seeded.addAll(seeder.seed(this.incidents - smallIncidents, this.seedTimeout));
		Figures full = measure(system, seeded, this.warmup, this.seconds, true, out);
		List<Table> tables = new ArrayList<>();
		tables.add(small.table("reads at " + this.smallEvents + " events / " + smallIncidents + " incidents, "
				+ this.readers + " readers, " + this.seconds.toMillis() / 1000.0 + " s per endpoint"));
		tables.add(full.table("reads at " + this.events + " events / " + this.incidents + " incidents, " + this.readers
				+ " readers, " + this.seconds.toMillis() / 1000.0 + " s per endpoint"));
		Table flatness = new Table("reads: flatness, p99 at " + this.events + " events / p99 at " + this.smallEvents,
				List.of(this.events + " ev p99", this.smallEvents + " ev p99", "full/small"));
		for (int i = 0; i < Endpoint.values().length; i++) {
			Endpoint endpoint = Endpoint.values()[i];
			flatness.row(endpoint.label + " (ms)", full.ours().get(i).p99(), small.ours().get(i).p99());
			flatness.row(endpoint.label + " raw SQL (ms)", full.baseline().get(i).p99(), small.baseline().get(i).p99());
		}
		tables.add(flatness);
		return tables;
	}

	/**
	 * The figures of every endpoint, ours and (when {@code baseline}) the raw SQL's.
	 */
	private Figures measure(LocalSystem system, List<String> seeded, Duration warmup, Duration seconds,
			boolean baseline, PrintStream out) throws Exception {
		List<Latencies> ours = new ArrayList<>();
		List<Latencies> raw = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			Bench.progress(out, "reads: %s", endpoint.label);
			String token = endpoint.needsToken ? system.personToken("victor") : null;
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			ours.add(readers(() -> {
				String url = system.queryUrl() + endpoint.path(seeded, now);
				HttpResponse<byte[]> response = Bench.HTTP.send(
						Bench.request(url, token).header("Accept-Encoding", ACCEPT_ENCODING).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(url + " answered " + response.statusCode());
				}
				if (blank(response)) {
					throw new IllegalStateException(url + " answered nothing");
				}
			}, null, null, warmup, seconds));
			if (baseline) {
				raw.add(readers(null, (connection) -> endpoint.sql(connection, seeded, now),
						system.jdbcUrl("incident_query"), warmup, seconds));
			}
		}
		return new Figures(ours, raw);
	}

	/**
	 * Each reader's buffer for decompressed bodies, grown as needed: decoding a 2 MB
	 * document must not cost the client (on the same cores as the server) more than
	 * reading it.
	 */
	private static final ThreadLocal<byte[]> DECODED = ThreadLocal.withInitial(() -> new byte[1 << 16]);

	/**
	 * Whether the body, as a browser gets to read it (decompressed when the server
	 * gzipped it), is empty or only whitespace.
	 */
	static boolean blank(HttpResponse<byte[]> response) throws IOException {
		byte[] body = response.body();
		int length = body.length;
		if (response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false)) {
			byte[] decoded = DECODED.get();
			length = 0;
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 1 << 16)) {
				int read;
				while ((read = in.readNBytes(decoded, length, decoded.length - length)) > 0) {
					length += read;
					if (length == decoded.length) {
						decoded = Arrays.copyOf(decoded, decoded.length * 2);
						DECODED.set(decoded);
					}
				}
			}
			body = decoded;
		}
		for (int i = 0; i < length; i++) {
			if (body[i] != ' ' && body[i] != '\n' && body[i] != '\r' && body[i] != '\t') {
				return false;
			}
		}
		return true;
	}

	private Latencies readers(Call http, SqlCall sql, String jdbc, Duration warmup, Duration seconds) throws Exception {
		List<Double> all = Collections.synchronizedList(new ArrayList<>());
		long warmupEnd = System.nanoTime() + warmup.toNanos();
		long end = warmupEnd + seconds.toNanos();
		Bench.runClients(this.readers, () -> {
			List<Double> mine = new ArrayList<>();
			try (Connection connection = (sql != null) ? Bench.connect(jdbc) : null) {
				// every reader measures at least one call, however slow the endpoint
				while (System.nanoTime() < end || mine.isEmpty()) {
					long start = System.nanoTime();
					if (http != null) {
						http.call();
					}
					else {
						sql.call(connection);
					}
					if (start >= warmupEnd) {
						mine.add((System.nanoTime() - start) / 1e6);
					}
				}
			}
			all.addAll(mine);
			return null;
		});
		return new Latencies(all.stream().mapToDouble(Double::doubleValue).toArray());
	}

	interface Call {

		void call() throws Exception;

	}

	interface SqlCall {

		void call(Connection connection) throws Exception;

	}

	record Latencies(double[] millis) {

		double p50() {
			return Bench.quantile(this.millis, 0.5);
		}

		double p99() {
			return Bench.quantile(this.millis, 0.99);
		}

	}

	record Figures(List<Latencies> ours, List<Latencies> baseline) {

		Table table(String title) {
			Table table = new Table(title);
			for (int i = 0; i < Endpoint.values().length; i++) {
				Endpoint endpoint = Endpoint.values()[i];
				table.row(endpoint.label + " p50 (ms)", this.ours.get(i).p50(), this.baseline.get(i).p50());
				table.row(endpoint.label + " p99 (ms)", this.ours.get(i).p99(), this.baseline.get(i).p99());
				table.row(endpoint.label + " calls", this.ours.get(i).millis().length,
						this.baseline.get(i).millis().length);
			}
			table.note("percentiles over every call after the warm-up; ratio = incident-timeline / raw SQL");
			return table;
		}

	}

	enum Endpoint {

		SUMMARY("GET /api/v2/summary.json", false) {
			@Override
			String path(List<String> seeded, Instant now) {
				return "/api/v2/summary.json";
			}

			@Override
			void sql(Connection connection, List<String> seeded, Instant now) throws SQLException {
				drain(connection, """
						select id, name, status, severity, components, created_at, started_at, updated_at
						from status_page_incidents where resolved_at is null order by created_at desc""");
				drain(connection, "select component, severity from status_page_impacts where to_at is null");
			}
		},

		STATUS("GET /status", false) {
			@Override
			String path(List<String> seeded, Instant now) {
				return "/status";
			}

			@Override
			void sql(Connection connection, List<String> seeded, Instant now) throws SQLException {
				SUMMARY.sql(connection, seeded, now);
				drain(connection, """
						select component, date_trunc('day', from_at) as day, max(severity) from status_page_impacts
						where from_at > now() - interval '90 days' group by 1, 2""");
			}
		},

		LIST("GET /api/incidents", true) {
			@Override
			String path(List<String> seeded, Instant now) {
				return "/api/incidents";
			}

			@Override
			void sql(Connection connection, List<String> seeded, Instant now) throws SQLException {
				drain(connection, "select count(*) from incidents");
				drain(connection, "select * from incidents order by declared_at desc, id limit 20");
			}
		},

		TIMELINE("GET /api/incidents/{id}/timeline", true) {
			@Override
			String path(List<String> seeded, Instant now) {
				return "/api/incidents/" + random(seeded) + "/timeline";
			}

			@Override
			void sql(Connection connection, List<String> seeded, Instant now) throws SQLException {
				try (PreparedStatement statement = connection.prepareStatement("""
						select sequence, type, occurred_at, recorded_at, actor, source, payload from incident_events
						where incident_id = ?::uuid order by occurred_at, sequence""")) {
					statement.setString(1, random(seeded));
					drain(statement);
				}
			}
		},

		MTTX("GET /api/metrics/mttx (90 days)", true) {
			@Override
			String path(List<String> seeded, Instant now) {
				return "/api/metrics/mttx?from=" + now.minus(Duration.ofDays(90)) + "&to=" + now;
			}

			@Override
			void sql(Connection connection, List<String> seeded, Instant now) throws SQLException {
				try (PreparedStatement statement = connection.prepareStatement(
						"""
								select count(*),
								  avg(extract(epoch from first_acknowledged_at - impact_started_at)),
								  avg(extract(epoch from first_mitigation_applied_at - impact_started_at)),
								  avg(extract(epoch from resolved_at - impact_started_at)),
								  percentile_cont(0.5) within group (order by extract(epoch from resolved_at - impact_started_at))
								from mttx_moments where impact_started_at >= ? and impact_started_at < ?""")) {
					statement.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(90))));
					statement.setTimestamp(2, Timestamp.from(now));
					drain(statement);
				}
			}
		};

		final String label;

		final boolean needsToken;

		Endpoint(String label, boolean needsToken) {
			this.label = label;
			this.needsToken = needsToken;
		}

		abstract String path(List<String> seeded, Instant now);

		abstract void sql(Connection connection, List<String> seeded, Instant now) throws SQLException;

		private static String random(List<String> seeded) {
			return seeded.get(ThreadLocalRandom.current().nextInt(seeded.size()));
		}

		private static void drain(Connection connection, String sql) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				drain(statement);
			}
		}

		private static void drain(PreparedStatement statement) throws SQLException {
			try (ResultSet rows = statement.executeQuery()) {
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					for (int i = 1; i <= columns; i++) {
						rows.getObject(i);
					}
				}
			}
		}

	}

}
