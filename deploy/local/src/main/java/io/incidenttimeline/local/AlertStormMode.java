package io.incidenttimeline.local;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code --mode=alert-storm}: A distinct firing alerts (own fingerprints) arrive as
 * Alertmanager webhooks ({@code POST /api/alerts/alertmanager}, the local sample bearer
 * token), P alerts per request, from S concurrent senders. Each alert carries
 * {@code severity=critical} and one of K service labels unique to the run; the default
 * routing rules ({@code page}: critical/error, declare, group by service) make the first
 * alert of a service declare an incident (two events: IncidentDeclared and its
 * AlertTriggered) and every later one join it (one AlertTriggered). So the storm must
 * leave exactly A receipts, exactly K incidents (one per service) and A + K events on
 * them; any other count fails the mode. A request answered 503 (the ingestion lock was
 * busy longer than the service waits for it) is sent again, as Alertmanager would, and
 * counted. Measured from the first send until every receipt is stored
 * ({@code alert_receipt} on the command database) and until every incident and event is
 * visible on the query side.
 * <p>
 * The baseline: the same alerts, P per batch from S threads, each batch under one lock
 * (as the system's ingestion lock serialises batches, so that two alerts of a service
 * cannot both declare): one transaction inserting the receipt rows and event rows (two
 * for a service's first alert), commit, Kafka sends with acks=all awaited; consumed and
 * upserted by {@link RawPipeline}.
 * <p>
 * <p>
 * Both first absorb a smaller storm of the same shape ({@code --storm-warmup} alerts, on
 * services of their own), untimed, as the other modes warm up: a storm meets a service
 * that has been running, not one whose code the JIT compiler has yet to compile (the
 * first 10 s of a cold storm absorbed under half the alerts per second of the rest).
 * <p>
 * Options:
 * {@code --alerts=10000 --alerts-per-request=100 --senders=4 --storm-services=100
 * --storm-warmup=2000}.
 */
final class AlertStormMode {

	static final String ALERTMANAGER_TOKEN = "local-alertmanager-token";

	private static final int RETRIES = 20;

	private final int alerts;

	private final int perRequest;

	private final int senders;

	private final int services;

	private final int warmup;

	AlertStormMode(Options options) {
		this.alerts = options.integer("alerts", 10_000, 200);
		this.perRequest = options.integer("alerts-per-request", 100, 100);
		this.senders = options.integer("senders", 4, 4);
		this.services = options.integer("storm-services", 100, 10);
		this.warmup = options.integer("storm-warmup", 2_000, 100);
		if (this.services > this.alerts) {
			throw new IllegalArgumentException("--storm-services must not exceed --alerts");
		}
	}

	Table run(LocalSystem system, PrintStream out) throws Exception {
		Bench.progress(out, "alert-storm: %d alerts, %d per request, %d senders, %d services", this.alerts,
				this.perRequest, this.senders, this.services);
		Size storm = new Size(this.alerts, this.services);
		Size warmup = new Size(this.warmup, Math.min(this.services, this.warmup));
		if (this.warmup > 0) {
			Bench.progress(out, "alert-storm: warming up with %d alerts over %d services", warmup.alerts(),
					warmup.services());
			incidentTimeline(system, out, warmup);
		}
		Figures ours = incidentTimeline(system, out, storm);
		Figures baseline;
		try (RawPipeline raw = new RawPipeline(system, "alert_storm")) {
			if (this.warmup > 0) {
				rawBaseline(raw, warmup);
			}
			baseline = rawBaseline(raw, storm);
		}
		Table table = new Table("alert-storm: " + this.alerts + " distinct Alertmanager alerts, " + this.perRequest
				+ " per request, " + this.senders + " senders -> " + this.services + " incidents");
		table.row("s until every receipt stored", ours.storedSeconds(), baseline.storedSeconds());
		table.row("s until every incident+event visible", ours.visibleSeconds(), baseline.visibleSeconds());
		table.row("alerts/s stored", this.alerts / ours.storedSeconds(), this.alerts / baseline.storedSeconds());
		table.row("alerts/s visible", this.alerts / ours.visibleSeconds(), this.alerts / baseline.visibleSeconds());
		table.row("request p99 (ms, with retries)", ours.requestP99(), baseline.requestP99());
		table.row("requests answered 503 and retried", ours.retries(), baseline.retries());
		table.row("receipts stored (exact)", ours.receipts(), baseline.receipts());
		table.row("incidents (exact)", ours.incidents(), baseline.incidents());
		table.row("events visible (exact)", ours.events(), baseline.events());
		table.note("counts checked exactly: " + this.alerts + " receipts, " + this.services + " incidents, "
				+ (this.alerts + this.services) + " events; ratio = incident-timeline / raw baseline"
				+ ((this.warmup > 0) ? "; both warmed up first with an untimed storm of " + this.warmup + " alerts"
						: ""));
		return table;
	}

	private Figures incidentTimeline(LocalSystem system, PrintStream out, Size size) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String url = system.commandUrl() + "/api/alerts/alertmanager";
		Instant startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		int requests = (size.alerts() + this.perRequest - 1) / this.perRequest;
		List<String> bodies = new ArrayList<>();
		for (int r = 0; r < requests; r++) {
			bodies.add(webhook(run, r, startsAt, size));
		}
		double[] requestMillis = new double[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger recorded = new AtomicInteger();
		AtomicInteger retries = new AtomicInteger();
		Instant start = Instant.now();
		Instant[] reported = { start };
		Bench.runClients(this.senders, () -> {
			for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
				Instant sent = Instant.now();
				HttpRequest request = Bench.request(url, ALERTMANAGER_TOKEN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(bodies.get(r)))
					.build();
				HttpResponse<String> response = Bench.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				boolean retried = false;
				// as Alertmanager does: a 503 (the ingestion lock was busy too long) is
				// retried
				for (int attempt = 1; response.statusCode() == 503 && attempt <= RETRIES; attempt++) {
					retries.incrementAndGet();
					retried = true;
					Thread.sleep(100L * attempt);
					response = Bench.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				}
				Bench.requireOk(response);
				requestMillis[r] = Bench.millis(sent, Instant.now());
				for (JsonNode item : Bench.json(response).get("alerts")) {
					String result = item.get("result").asText();
					if (!"recorded".equalsIgnoreCase(result) && !(retried && "duplicate".equalsIgnoreCase(result))) {
						throw new IllegalStateException("an alert was not recorded: " + item);
					}
					recorded.incrementAndGet();
				}
				synchronized (reported) {
					if (Instant.now().isAfter(reported[0].plusSeconds(10))) {
						reported[0] = Instant.now();
						Bench.progress(out, "alert-storm: %d of %d alerts answered (%d requests retried)",
								recorded.get(), size.alerts(), retries.get());
					}
				}
			}
			return null;
		});
		if (recorded.get() != size.alerts()) {
			throw new IllegalStateException(recorded.get() + " of " + size.alerts() + " alerts answered recorded");
		}
		String command = system.jdbcUrl("incident_command");
		String pattern = run + "-%";
		Instant stored = awaitCount(command,
				"select count(*) from alert_receipt where integration = 'alertmanager' and alert_key like ?",
				size.alerts(), pattern);
		long incidents = Bench.count(command,
				"select count(distinct incident_id) from alert_receipt where alert_key like ? and incident_id is not null",
				pattern);
		long unrouted = Bench.count(command,
				"select count(*) from alert_receipt where alert_key like ? and incident_id is null", pattern);
		if (incidents != size.services() || unrouted != 0) {
			throw new IllegalStateException("the storm made " + incidents + " incidents (expected " + size.services()
					+ ") and left " + unrouted + " alerts without one");
		}
		String query = system.jdbcUrl("incident_query");
		List<String> ids = new ArrayList<>();
		try (Connection connection = Bench.connect(command);
				PreparedStatement select = connection
					.prepareStatement("select distinct incident_id::text from alert_receipt where alert_key like ?")) {
			select.setString(1, pattern);
			try (var rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getString(1));
				}
			}
		}
		Instant visible = awaitVisible(query, ids, out, size);
		long titled = Bench.count(query, "select count(*) from incidents where title like ?",
				"BenchmarkStorm: storm-" + run + "-%");
		if (titled != size.services()) {
			throw new IllegalStateException(
					"the query side shows " + titled + " storm incidents, expected exactly " + size.services());
		}
		return new Figures(Bench.seconds(start, stored), Bench.seconds(start, visible),
				Bench.quantile(requestMillis, 0.99), size.alerts(), titled, size.alerts() + size.services(),
				retries.get());
	}

	private Instant awaitVisible(String query, List<String> ids, PrintStream out, Size size) throws Exception {
		long expected = size.alerts() + size.services();
		Instant deadline = Instant.now().plus(Bench.VISIBLE_TIMEOUT);
		Instant reported = Instant.now();
		try (Connection connection = Bench.connect(query);
				PreparedStatement events = connection
					.prepareStatement("select count(*) from incident_events where incident_id = any(?::uuid[])");
				PreparedStatement incidents = connection
					.prepareStatement("select count(*) from incidents where id = any(?::uuid[])")) {
			events.setArray(1, connection.createArrayOf("text", ids.toArray()));
			incidents.setArray(1, connection.createArrayOf("text", ids.toArray()));
			while (true) {
				long visibleEvents = single(events);
				long visibleIncidents = single(incidents);
				Instant now = Instant.now();
				if (visibleEvents > expected) {
					throw new IllegalStateException(visibleEvents + " events visible, expected exactly " + expected);
				}
				if (visibleEvents == expected && visibleIncidents == size.services()) {
					try (PreparedStatement last = connection.prepareStatement(
							"select max(applied_at) from incident_events where incident_id = any(?::uuid[])")) {
						last.setArray(1, connection.createArrayOf("text", ids.toArray()));
						try (var rows = last.executeQuery()) {
							rows.next();
							return rows.getTimestamp(1).toInstant();
						}
					}
				}
				if (now.isAfter(deadline)) {
					throw new IllegalStateException("after " + Bench.VISIBLE_TIMEOUT + " only " + visibleEvents + " of "
							+ expected + " storm events and " + visibleIncidents + " of " + size.services()
							+ " incidents are visible");
				}
				if (now.isAfter(reported.plusSeconds(10))) {
					Bench.progress(out, "alert-storm: %d of %d events visible", visibleEvents, expected);
					reported = now;
				}
				Thread.sleep(50);
			}
		}
	}

	private static long single(PreparedStatement statement) throws Exception {
		try (var rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Instant awaitCount(String jdbc, String sql, long expected, Object... parameters) throws Exception {
		Instant deadline = Instant.now().plus(Bench.VISIBLE_TIMEOUT);
		while (true) {
			long count = Bench.count(jdbc, sql, parameters);
			if (count == expected) {
				return Instant.now();
			}
			if (count > expected || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(count + " rows for " + sql + ", expected exactly " + expected);
			}
			Thread.sleep(20);
		}
	}

	private String webhook(String run, int request, Instant startsAt, Size size) {
		ObjectNode root = Bench.JSON.createObjectNode();
		root.put("version", "4");
		root.put("groupKey", "{}:{alertname=\"BenchmarkStorm\",batch=\"" + run + "-" + request + "\"}");
		root.put("status", "firing");
		root.put("receiver", "incident-timeline");
		root.putObject("groupLabels").put("alertname", "BenchmarkStorm");
		root.putObject("commonLabels").put("alertname", "BenchmarkStorm");
		root.putObject("commonAnnotations");
		root.put("externalURL", "http://alertmanager.local:9093");
		ArrayNode list = root.putArray("alerts");
		for (int i = request * this.perRequest; i < Math.min(size.alerts(), (request + 1) * this.perRequest); i++) {
			ObjectNode alert = list.addObject();
			alert.put("status", "firing");
			ObjectNode labels = alert.putObject("labels");
			labels.put("alertname", "BenchmarkStorm");
			labels.put("service", service(run, i, size));
			labels.put("severity", "critical");
			labels.put("instance", "host-" + i);
			alert.putObject("annotations").put("summary", "benchmark storm alert " + i);
			alert.put("startsAt", startsAt.toString());
			alert.put("endsAt", "0001-01-01T00:00:00Z");
			alert.put("generatorURL", "http://prometheus.local:9090/graph");
			alert.put("fingerprint", fingerprint(run, i));
		}
		return root.toString();
	}

	private static String service(String run, int alert, Size size) {
		return "storm-" + run + "-" + (alert % size.services());
	}

	private static String fingerprint(String run, int alert) {
		return run + "-" + String.format("%08x", alert);
	}

	private Figures rawBaseline(RawPipeline raw, Size size) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int requests = (size.alerts() + this.perRequest - 1) / this.perRequest;
		Map<String, String> incidentOf = new ConcurrentHashMap<>();
		Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
		double[] requestMillis = new double[requests];
		AtomicInteger next = new AtomicInteger();
		Object ingestionLock = new Object();
		Instant start = Instant.now();
		Bench.runClients(this.senders, () -> {
			try (Connection connection = raw.connection();
					PreparedStatement receipt = connection.prepareStatement(
							"insert into receipts (dedup_key, incident_id, labels, received_at) values (?, ?::uuid, ?, ?)");
					PreparedStatement event = connection.prepareStatement(RawPipeline.insertSql())) {
				connection.setAutoCommit(false);
				for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
					Instant sent = Instant.now();
					synchronized (ingestionLock) {
						List<String[]> sends = new ArrayList<>();
						for (int i = r * this.perRequest; i < Math.min(size.alerts(), (r + 1) * this.perRequest); i++) {
							String service = service(run, i, size);
							boolean declares = !incidentOf.containsKey(service);
							String incident = incidentOf.computeIfAbsent(service, (s) -> UUID.randomUUID().toString());
							AtomicLong sequence = sequences.computeIfAbsent(incident, (id) -> new AtomicLong());
							receipt.setString(1, fingerprint(run, i));
							receipt.setString(2, incident);
							receipt.setString(3, "{\"alertname\":\"BenchmarkStorm\",\"service\":\"" + service + "\"}");
							receipt.setTimestamp(4, Timestamp.from(Instant.now()));
							receipt.addBatch();
							for (int e = declares ? 2 : 1; e > 0; e--) {
								long s = sequence.incrementAndGet();
								RawPipeline.insertEvent(event, incident, s,
										("{\"alert\":\"" + fingerprint(run, i) + "\"}")
											.getBytes(StandardCharsets.UTF_8));
								event.addBatch();
								sends.add(new String[] { incident, String.valueOf(s) });
							}
						}
						receipt.executeBatch();
						event.executeBatch();
						connection.commit();
						List<Future<RecordMetadata>> acks = new ArrayList<>();
						for (String[] send : sends) {
							acks.add(raw.send(send[0], Long.parseLong(send[1])));
						}
						for (Future<RecordMetadata> ack : acks) {
							ack.get();
						}
					}
					requestMillis[r] = Bench.millis(sent, Instant.now());
				}
			}
			return null;
		});
		Instant stored = Instant.now();
		long receipts = Bench.count(raw.jdbc(), "select count(*) from receipts where dedup_key like ?", run + "-%");
		List<String> ids = new ArrayList<>(incidentOf.values());
		Map<String, Instant> visible = raw.awaitVisible(ids, size.alerts() + size.services());
		Instant lastVisible = visible.values().stream().max(Instant::compareTo).orElseThrow();
		if (receipts != size.alerts() || ids.size() != size.services()) {
			throw new IllegalStateException(
					"the baseline stored " + receipts + " receipts, " + ids.size() + " incidents");
		}
		return new Figures(Bench.seconds(start, stored), Bench.seconds(start, lastVisible),
				Bench.quantile(requestMillis, 0.99), receipts, ids.size(), visible.size(), 0);
	}

	/**
	 * How big a storm is: its alerts, spread over its services.
	 */
	record Size(int alerts, int services) {
	}

	/**
	 * @param requestP99 of the requests' times including their retries
	 * @param retries requests answered 503 and sent again
	 */
	record Figures(double storedSeconds, double visibleSeconds, double requestP99, double receipts, double incidents,
			double events, int retries) {
	}

}
