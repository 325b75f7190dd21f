package io.incidenttimeline.local;

import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.PGConnection;

/**
 * Seeds incident histories in bulk into the command service's event store (Axon's
 * {@code domain_event_entry}), which the real publisher then publishes to Kafka and the
 * query side consumes: the read side sees them exactly as if they had been recorded.
 * <p>
 * The serialized form is copied, not imitated: two template incidents of E events each
 * are recorded through the HTTP API (one resolved: declaration, acknowledgement, severity
 * change, status identified, public update, mitigation, notes, status monitoring,
 * resolution; one still open: the same without the last two), their stored rows are read
 * back, and every seeded incident is a copy of one of them (19 of 20 resolved) in which
 * every UUID is replaced by a fresh one (consistently within the incident: its id, its
 * update ids, ...), every timestamp of event k is moved by the same amount so that event
 * k happens at the incident's own time (declared at a random moment of the last 90 days
 * (open ones: of the last 2 days), events 1 to 15 minutes apart), the service name is one
 * of 20 and the title numbered. The trace context is dropped from the metadata. Rows are
 * written with {@code COPY}, 10,000 per transaction, global indexes from the table's own
 * sequence; nothing else may write events meanwhile (a concurrent writer would make gaps
 * the publisher waits for).
 * <p>
 * {@link #seed} then waits until the query side holds every seeded event, printing
 * progress every 10 s, and fails after the timeout, or when any event was parked or
 * dead-lettered.
 */
final class EventStoreSeeder {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern TIMESTAMP_TEXT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX")
		.withZone(ZoneOffset.UTC);

	private static final String TEMPLATE_SERVICE = "benchmark-template-service";

	private static final String TEMPLATE_TITLE = "Benchmark template incident";

	private static final int ROWS_PER_TRANSACTION = 10_000;

	private static final int SERVICES = 20;

	private final LocalSystem system;

	private final PrintStream out;

	private final Random random = new Random(12);

	private final List<Row> resolved;

	private final List<Row> open;

	private final int eventsPerIncident;

	private int seededIncidents;

	/**
	 * Records the two templates of that many events each through the HTTP API.
	 */
	EventStoreSeeder(LocalSystem system, int eventsPerIncident, PrintStream out) throws Exception {
		if (eventsPerIncident < 8) {
			throw new IllegalArgumentException(
					"seeded incidents need at least 8 events each (--events / --incidents), not " + eventsPerIncident);
		}
		this.system = system;
		this.out = out;
		this.eventsPerIncident = eventsPerIncident;
		String responder = system.automationToken();
		String commander = system.personToken("carol");
		this.resolved = rows(template(responder, commander, true));
		this.open = rows(template(responder, commander, false));
	}

	private String template(String responder, String commander, boolean resolve) {
		String incidents = this.system.commandUrl() + "/api/incidents";
		String id = Bench
			.post(responder, incidents,
					"{\"title\":\"" + TEMPLATE_TITLE + "\",\"severity\":\"SEV-2\",\"services\":[\"" + TEMPLATE_SERVICE
							+ "\"]}")
			.get("incidentId")
			.asText();
		String at = incidents + "/" + id;
		Bench.post(responder, at + "/acknowledgements", "{}");
		Bench.post(responder, at + "/severity", "{\"severity\":\"SEV-1\",\"reason\":\"every region affected\"}");
		Bench.post(responder, at + "/status", "{\"status\":\"identified\"}");
		Bench.post(responder, at + "/updates",
				"{\"visibility\":\"public\",\"body\":\"Some requests fail. We are rolling back the last deploy.\"}");
		Bench.post(responder, at + "/mitigations", "{\"kind\":\"rollback\",\"description\":\"Rolled back to v41\"}");
		int notes = this.eventsPerIncident - 6 - (resolve ? 2 : 0);
		for (int i = 0; i < notes; i++) {
			Bench.post(responder, at + "/notes", "{\"note\":\"Error rate still at " + (40 - i % 40)
					+ "% on the checkout path; watching the dashboards.\"}");
		}
		if (resolve) {
			Bench.post(responder, at + "/status", "{\"status\":\"monitoring\"}");
			Bench.post(commander, at + "/resolution", "{\"summary\":\"The rollback fixed it.\"}");
		}
		return id;
	}

	private List<Row> rows(String incidentId) throws Exception {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = Bench.connect(this.system.jdbcUrl("incident_command"));
				PreparedStatement select = connection.prepareStatement(
						"""
								select aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,
								  payload, meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number""")) {
			select.setString(1, incidentId);
			try (ResultSet found = select.executeQuery()) {
				while (found.next()) {
					ObjectNode metaData = (ObjectNode) Bench.JSON.readTree(found.getBytes(8));
					metaData.remove("traceparent");
					rows.add(new Row(incidentId, found.getString(1), found.getLong(2), found.getString(3),
							found.getString(4), found.getString(5), found.getString(6),
							Bench.JSON.readTree(found.getBytes(7)), metaData,
							Instant.parse(metaData.get("occurredAt").asText())));
				}
			}
		}
		if (rows.size() != this.eventsPerIncident) {
			throw new IllegalStateException(
					"the template " + incidentId + " has " + rows.size() + " events, not " + this.eventsPerIncident);
		}
		return rows;
	}

	/**
	 * Seeds that many incidents of {@link #eventsPerIncident} events each and waits until
	 * the query side has applied all of them.
	 * @return the seeded incidents' ids
	 */
	List<String> seed(int incidents, Duration timeout) throws Exception {
		String query = this.system.jdbcUrl("incident_query");
		long before = Bench.count(query, "select count(*) from incident_events");
		long events = (long) incidents * this.eventsPerIncident;
		Bench.progress(this.out, "seeding %d events across %d incidents into the command event store", events,
				incidents);
		Instant start = Instant.now();
		List<String> ids = new ArrayList<>();
		int resolvedIncidents = 0;
		try (Connection connection = Bench.connect(this.system.jdbcUrl("incident_command"))) {
			StringBuilder csv = new StringBuilder();
			int rows = 0;
			for (int i = 0; i < incidents; i++) {
				boolean resolve = this.random.nextInt(20) != 0;
				resolvedIncidents += resolve ? 1 : 0;
				ids.add(copy(resolve ? this.resolved : this.open, resolve, this.seededIncidents++, csv));
				rows += this.eventsPerIncident;
				if (rows >= ROWS_PER_TRANSACTION || i == incidents - 1) {
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("""
								copy domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
								  time_stamp, payload_type, payload_revision, payload, meta_data) from stdin with (format csv)""",
								new StringReader(csv.toString()));
					csv.setLength(0);
					rows = 0;
				}
			}
		}
		Bench.progress(this.out, "stored %d events in %.1f s; waiting until the query side shows them", events,
				Bench.seconds(start, Instant.now()));
		awaitApplied(query, before + events, timeout);
		requireProjected(query, ids, resolvedIncidents);
		Bench.progress(this.out, "all %d seeded events visible %.1f s after the seeding started (%.0f events/s)",
				events, Bench.seconds(start, Instant.now()), events / Bench.seconds(start, Instant.now()));
		return ids;
	}

	private String copy(List<Row> template, boolean resolved, int number, StringBuilder csv) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Map<String, String> uuids = new HashMap<>();
		String incident = UUID.randomUUID().toString();
		uuids.put(template.get(0).incidentId(), incident);
		Map<String, String> texts = Map.of(TEMPLATE_SERVICE, "service-" + (number % SERVICES), TEMPLATE_TITLE,
				"Seeded incident " + number);
		List<Instant> times = new ArrayList<>();
		long minutes = 0;
		for (int k = 0; k < template.size(); k++) {
			minutes += (k == 0) ? 0 : 1 + this.random.nextInt(15);
			times.add(Instant.ofEpochSecond(minutes * 60 + this.random.nextInt(60)));
		}
		Duration span = Duration.between(times.get(0), times.get(times.size() - 1)).plusMinutes(1);
		long window = resolved ? TimeUnit.DAYS.toSeconds(90) : TimeUnit.DAYS.toSeconds(2);
		Instant declared = now.minus(span).minusSeconds((long) (this.random.nextDouble() * window));
		for (int k = 0; k < template.size(); k++) {
			Row row = template.get(k);
			Instant at = declared.plusSeconds(times.get(k).getEpochSecond());
			Duration shift = Duration.between(row.occurredAt(), at);
			JsonNode payload = rewrite(row.payload().deepCopy(), uuids, shift, texts);
			JsonNode metaData = rewrite(row.metaData().deepCopy(), uuids, shift, texts);
			csv.append(UUID.randomUUID())
				.append(',')
				.append(row.aggregateIdentifier().replace(row.incidentId(), incident))
				.append(',')
				.append(row.sequenceNumber())
				.append(',')
				.append(row.type())
				.append(',')
				.append(shifted(row.timeStamp(), shift, false))
				.append(',')
				.append(row.payloadType())
				.append(',')
				.append((row.payloadRevision() != null) ? row.payloadRevision() : "")
				.append(",\\x")
				.append(HexFormat.of().formatHex(payload.toString().getBytes(StandardCharsets.UTF_8)))
				.append(",\\x")
				.append(HexFormat.of().formatHex(metaData.toString().getBytes(StandardCharsets.UTF_8)))
				.append('\n');
		}
		return incident;
	}

	private static JsonNode rewrite(JsonNode node, Map<String, String> uuids, Duration shift,
			Map<String, String> texts) {
		if (node instanceof ObjectNode object) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				field.setValue(rewrite(field.getValue(), uuids, shift, texts));
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, rewrite(array.get(i), uuids, shift, texts));
			}
			return array;
		}
		if (node.isTextual()) {
			String text = node.asText();
			if (UUID_TEXT.matcher(text).matches()) {
				return TextNode.valueOf(uuids.computeIfAbsent(text, (t) -> UUID.randomUUID().toString()));
			}
			if (TIMESTAMP_TEXT.matcher(text).matches()) {
				return TextNode.valueOf(shifted(text, shift, true));
			}
			if (texts.containsKey(text)) {
				return TextNode.valueOf(texts.get(text));
			}
		}
		return node;
	}

	private static String shifted(String timestamp, Duration shift, boolean micros) {
		Instant moved = java.time.OffsetDateTime.parse(timestamp)
			.toInstant()
			.plus(shift)
			.truncatedTo(ChronoUnit.MICROS);
		return micros ? MICROS.format(moved) : moved.toString();
	}

	private void awaitApplied(String query, long expected, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		Instant reported = Instant.now();
		long reportedCount = Bench.count(query, "select count(*) from incident_events");
		while (true) {
			long applied = Bench.count(query, "select count(*) from incident_events");
			long failed = Bench.count(query, "select count(*) from parked_events where kind = 'failed'");
			if (failed > 0) {
				throw new IllegalStateException(failed + " seeded events failed on the query side (parked_events)");
			}
			if (applied >= expected) {
				requireNothingParked(query);
				return;
			}
			Instant now = Instant.now();
			if (now.isAfter(deadline)) {
				throw new IllegalStateException("--seed-timeout " + timeout.toSeconds() + " s passed with " + applied
						+ " of " + expected + " events on the query side");
			}
			if (now.isAfter(reported.plusSeconds(10))) {
				Bench.progress(this.out, "%d of %d events visible on the query side (%.0f events/s)", applied, expected,
						(applied - reportedCount) / Bench.seconds(reported, now));
				reported = now;
				reportedCount = applied;
			}
			Thread.sleep(500);
		}
	}

	/**
	 * Every seeded incident is on the incidents and MTTx projections, exactly the
	 * resolved ones resolved.
	 */
	private static void requireProjected(String query, List<String> ids, int resolved) throws Exception {
		try (Connection connection = Bench.connect(query); PreparedStatement statement = connection.prepareStatement("""
				select (select count(*) from incidents where id = any(?::uuid[])),
				  (select count(*) from incidents where id = any(?::uuid[]) and resolved_at is not null),
				  (select count(*) from mttx_moments where incident_id = any(?::uuid[]))""")) {
			for (int i = 1; i <= 3; i++) {
				statement.setArray(i, connection.createArrayOf("text", ids.toArray()));
			}
			try (ResultSet counts = statement.executeQuery()) {
				counts.next();
				if (counts.getLong(1) != ids.size() || counts.getLong(2) != resolved
						|| counts.getLong(3) != ids.size()) {
					throw new IllegalStateException("of " + ids.size() + " seeded incidents (" + resolved
							+ " resolved) the query side shows " + counts.getLong(1) + " (" + counts.getLong(2)
							+ " resolved) and " + counts.getLong(3) + " on the MTTx projection");
				}
			}
		}
	}

	private void requireNothingParked(String query) throws Exception {
		long parked = Bench.count(query, "select count(*) from parked_events");
		long deadLetters = deadLetters(this.system);
		if (parked != 0 || deadLetters != 0) {
			throw new IllegalStateException(
					"after seeding " + parked + " events are parked and " + deadLetters + " dead-lettered");
		}
	}

	/**
	 * How many records the query service's dead-letter topic holds (0 when it does not
	 * exist yet).
	 */
	static long deadLetters(LocalSystem system) throws Exception {
		String topic = "incident-events.DLT";
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()))) {
			if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
				return 0;
			}
			TopicDescription description = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			description.partitions().forEach((partition) -> {
				latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
				earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
			});
			long end = admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
			long start = admin.listOffsets(earliest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
			return end - start;
		}
	}

	/**
	 * One stored event of a template incident.
	 */
	private record Row(String incidentId, String aggregateIdentifier, long sequenceNumber, String type,
			String timeStamp, String payloadType, String payloadRevision, JsonNode payload, ObjectNode metaData,
			Instant occurredAt) {
	}

}
