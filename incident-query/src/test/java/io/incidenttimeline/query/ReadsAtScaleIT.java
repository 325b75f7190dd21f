package io.incidenttimeline.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import io.incidenttimeline.query.jdbc.Timestamptz;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints over a realistically filled query database (issue #12): prints p50
 * and p99 of each endpoint asked by 8 concurrent readers, and with
 * {@code -Dreads.explain=true} the plans of the statements behind them. Figures are
 * printed, never asserted; the test only checks that every answer is a 200.
 * <p>
 * Size: {@code -Dreads.events} (default 10,000) across {@code -Dreads.incidents} (default
 * 200), histories spread over the last 90 days, all but 1% resolved; each reader asks
 * each endpoint {@code -Dreads.rounds} times (default 20). Up to {@link #TEMPLATES}
 * incidents are generated with {@link IncidentStory} and applied through the real
 * projection beans and the event log, as the consumer applies them; beyond that the rows
 * those incidents produced are copied with SQL, each copy under new ids (md5 of the old
 * id and the copy number) and moved in time, so the projections' own rows are what the
 * reads see at every size. The copies' jsonb documents and {@code wire} keep the
 * template's ids and times (the timeline of a copy tells the template's story), which
 * changes no statement's work.
 */
@RunningQueryService
class ReadsAtScaleIT {

	static final int TEMPLATES = 200;

	static final int READERS = 8;

	static final Duration PERIOD = Duration.ofDays(90);

	private static final List<String> SERVICES = List.of("checkout", "search", "payments", "login", "api", "cdn",
			"email", "billing", "reports", "mobile", "webhooks", "storage");

	@Autowired
	List<Projection> projections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	QueryApi api;

	@Test
	void readEndpointsAtScale() throws Exception {
		int events = Integer.getInteger("reads.events", 10_000);
		int incidents = Integer.getInteger("reads.incidents", 200);
		long started = System.nanoTime();
		seed(events, incidents);
		System.out.printf("reads: seeded %d events across %d incidents in %d s%n", count("incident_events"),
				count("incidents"), Duration.ofNanos(System.nanoTime() - started).toSeconds());
		this.jdbc.sql("ANALYZE").update();

		Instant now = Instant.now();
		String quarter = "from=" + now.minus(PERIOD).truncatedTo(ChronoUnit.SECONDS) + "&to="
				+ now.truncatedTo(ChronoUnit.SECONDS);
		List<UUID> ids = this.jdbc.sql("SELECT id FROM incidents ORDER BY id").query(UUID.class).list();
		Random random = new Random(12);
		List<String> timelines = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			timelines.add("/api/incidents/" + ids.get(random.nextInt(ids.size())) + "/timeline");
		}
		int rounds = Integer.getInteger("reads.rounds", 20);
		measure("summary.json", List.of("/api/v2/summary.json"), rounds);
		measure("status", List.of("/status"), rounds);
		measure("incident list", List.of("/api/incidents"), rounds);
		measure("timeline", timelines, rounds);
		measure("mttx quarter", List.of("/api/metrics/mttx?" + quarter), rounds);
		if (Boolean.getBoolean("reads.explain")) {
			explain(now);
		}
	}

	private void seed(int events, int incidents) {
		int templates = Math.min(TEMPLATES, incidents);
		int copies = Math.max(1, incidents / templates);
		int perIncident = Math.max(8, events / incidents);
		Duration spacing = PERIOD.dividedBy((long) templates * copies);
		Instant start = Instant.now().minus(PERIOD).minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < templates; i++) {
			boolean open = (i % 67) == 66;
			IncidentStory story = story(i, start.plus(spacing.multipliedBy(i)), perIncident, open);
			this.transactions.executeWithoutResult((tx) -> apply(story.events()));
		}
		if (copies > 1) {
			copy(copies, spacing.multipliedBy(templates));
		}
		this.publisher.publishEvent(new ProjectionRebuilt("reads-at-scale", events));
	}

	/**
	 * About {@code size} events: declared, alerted, acknowledged, roles, status changes,
	 * public and internal updates and notes, a severity change, a mitigation, resolved.
	 */
	private static IncidentStory story(int i, Instant declaredAt, int size, boolean open) {
		IncidentStory story = IncidentStory.startingAt(declaredAt).recordingEachAfter(Duration.ofMillis(20));
		Severity severity = List.of(Severity.SEV_3, Severity.SEV_2, Severity.SEV_3, Severity.SEV_1).get(i % 4);
		String service = SERVICES.get(i % SERVICES.size());
		String other = SERVICES.get((i * 7 + 3) % SERVICES.size());
		story.declared((declaration) -> declaration.title("Incident " + i + ": " + service + " is failing")
			.severity(severity)
			.services((i % 3 == 0) ? new String[] { service, other } : new String[] { service })
			.impactBefore(Duration.ofMinutes(2 + i % 20)));
		story.alertTriggered("alertmanager", "fp-" + i, service + " error rate");
		story.acknowledged();
		story.role(Role.COMMS_LEAD, "carol");
		story.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
		int body = (open ? size - 1 : size - 3) - 5;
		for (int n = 0; n < body; n++) {
			switch (n % 6) {
				case 0 -> story.publicUpdate("We are working on it (" + n + ").");
				case 1, 3 -> story.internalUpdate("Looking at " + service + " dashboards, step " + n);
				case 2 -> story.note("Note " + n + ": deploy " + (1000 + n) + " under suspicion");
				case 4 -> {
					if (n == 4) {
						story.severity(severity, (severity == Severity.SEV_1) ? Severity.SEV_1 : Severity.SEV_2,
								"customers affected");
					}
					else {
						story.note("Still " + n);
					}
				}
				default -> {
					if (n == 5) {
						story.mitigation(MitigationKind.ROLLBACK, "rolled back deploy");
					}
					else {
						story.publicUpdate("Update " + n);
					}
				}
			}
		}
		if (open) {
			story.publicUpdate("We continue to investigate.");
		}
		else {
			story.status(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);
			story.publicUpdate("A fix has been applied and we are monitoring.");
			story.resolved("fixed by rollback");
		}
		return story;
	}

	private void apply(List<EventEnvelope> events) {
		Instant appliedAt = Instant.now();
		for (EventEnvelope envelope : events) {
			this.projections.forEach((projection) -> projection.apply(envelope));
			this.jdbc.sql("""
					INSERT INTO incident_events (incident_id, sequence, event_id, type, schema_version, occurred_at,
					  recorded_at, actor, actor_name, source, known, payload, wire, applied_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?::jsonb, ?, ?)""")
				.params(envelope.incidentId().value(), envelope.sequence(), envelope.eventId(), envelope.type().name(),
						envelope.schemaVersion(), Timestamptz.of(envelope.occurredAt()),
						Timestamptz.of(envelope.recordedAt()), envelope.actor(), envelope.actorName(),
						envelope.source(),
						new String(IncidentEventCodec.payloadJson(envelope.payload()), StandardCharsets.UTF_8),
						IncidentEventCodec.encode(envelope), Timestamptz.of(appliedAt))
				.update();
		}
		EventEnvelope last = events.get(events.size() - 1);
		this.jdbc.sql("""
				INSERT INTO projection_progress (incident_id, last_sequence, last_recorded_at, last_applied_at)
				VALUES (?, ?, ?, ?)""")
			.params(last.incidentId().value(), last.sequence(), Timestamptz.of(last.recordedAt()),
					Timestamptz.of(appliedAt))
			.update();
	}

	/**
	 * Copies every row of every projection table, the event log and the progress
	 * {@code copies - 1} times: uuids become md5(uuid:copy), times move by copy × shift.
	 */
	private void copy(int copies, Duration shift) {
		Set<String> tables = new LinkedHashSet<>(List.of("incident_events", "projection_progress"));
		this.projections.forEach((projection) -> tables.addAll(projection.tables()));
		String interval = shift.toMillis() + " milliseconds";
		for (String table : tables) {
			List<Column> columns = this.jdbc.sql("""
					SELECT column_name, data_type FROM information_schema.columns
					WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")
				.param(table)
				.query((rs, row) -> new Column(rs.getString(1), rs.getString(2)))
				.list();
			String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
			String values = columns.stream().map((column) -> column.copied(interval)).collect(Collectors.joining(", "));
			long started = System.nanoTime();
			int rows = this.jdbc
				.sql("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
						+ " CROSS JOIN generate_series(1, ?) AS copy_no")
				.param(copies - 1)
				.update();
			System.out.printf("reads: copied %d rows of %s in %d s%n", rows, table,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		}
	}

	private void measure(String name, List<String> paths, int rounds) throws Exception {
		String authorization = this.api.authorization();
		HttpClient http = HttpClient.newBuilder().build();
		for (int i = 0; i < 20; i++) {
			get(http, authorization, paths.get(i % paths.size()));
		}
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		try {
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int r = 0; r < READERS; r++) {
				int reader = r;
				futures.add(readers.submit(() -> {
					List<Long> times = new ArrayList<>();
					for (int i = 0; i < rounds; i++) {
						long started = System.nanoTime();
						get(http, authorization, paths.get((reader * rounds + i) % paths.size()));
						times.add(System.nanoTime() - started);
					}
					return times;
				}));
			}
			List<Long> times = new ArrayList<>();
			for (Future<List<Long>> future : futures) {
				times.addAll(future.get());
			}
			Collections.sort(times);
			System.out.printf("reads: %-14s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d requests, %d readers)%n",
					name, millis(times, 0.50), millis(times, 0.99), times.get(times.size() - 1) / 1e6, times.size(),
					READERS);
		}
		finally {
			readers.shutdown();
		}
	}

	private void get(HttpClient http, String authorization, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.api.base() + path))
			.header("Authorization", authorization)
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
	}

	private static double millis(List<Long> sorted, double quantile) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	/**
	 * The plans of the statements the measured endpoints issue.
	 */
	private void explain(Instant now) {
		UUID incident = this.jdbc.sql("SELECT id FROM incidents ORDER BY id LIMIT 1").query(UUID.class).single();
		List<String> statements = List.of(
				"SELECT * FROM status_page_incidents WHERE status <> 'resolved' ORDER BY created_at DESC, id",
				"SELECT * FROM status_page_incidents ORDER BY created_at DESC, id LIMIT 50",
				"SELECT max(updated_at) FROM status_page_incidents",
				"SELECT component, min(from_at), max(greatest(from_at, coalesce(to_at, from_at))) FROM status_page_impacts GROUP BY component ORDER BY component",
				"SELECT * FROM status_page_impacts WHERE to_at IS NULL OR to_at >= '" + now.minus(Duration.ofDays(90))
						+ "' ORDER BY component, from_at, incident_id, sequence",
				"SELECT max(last_recorded_at), max(last_applied_at) FROM projection_progress",
				"SELECT count(*) FROM incidents WHERE true",
				"SELECT * FROM incidents WHERE true ORDER BY declared_at DESC, id LIMIT 20 OFFSET 0",
				"SELECT sequence, event_id, type, schema_version, occurred_at, recorded_at, actor, actor_name, source, known, payload, wire FROM incident_events WHERE incident_id = '"
						+ incident + "' ORDER BY sequence",
				"SELECT * FROM mttx_moments WHERE true AND impact_started_at >= '" + now.minus(PERIOD)
						+ "' AND impact_started_at < '" + now + "' ORDER BY impact_started_at, incident_id");
		for (String statement : statements) {
			String plan = String.join("\n",
					this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).query(String.class).list());
			System.out.printf("reads: EXPLAIN %s%n%s%n", statement, plan);
		}
	}

	private record Column(String name, String type) {

		String copied(String interval) {
			return switch (this.type) {
				case "uuid" -> "md5(" + this.name + "::text || ':' || copy_no)::uuid";
				case "timestamp with time zone" -> this.name + " + copy_no * interval '" + interval + "'";
				case "date" -> "(" + this.name + " + copy_no * interval '" + interval + "')::date";
				default -> this.name;
			};
		}

	}

}
