package io.incidenttimeline.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command instances and two query instances on one PostgreSQL and one Kafka topic
 * with six partitions, as the Kubernetes manifests run them: commands alternate between
 * the command instances, each query instance serves its own live stream, and one instance
 * of each kind is killed mid-load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

	private static final int PARTITIONS = 6;

	/** The PagerDuty bucket each routing key has, across all instances together. */
	private static final int PAGERDUTY_BURST = 4;

	private static final String ROUTING_KEY = "local0pagerduty0routing0key00001";

	private static LocalSystem system;

	private static final List<LiveStreamClient> streams = new ArrayList<>();

	private final Http http = new Http(system.identityUrl());

	@BeforeAll
	static void startSystem() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target"), "multi-");
		Path root = Path.of("../..").toAbsolutePath().normalize();
		system = new LocalSystem(LocalSystem.Settings.freePorts(data, root)).scaledTo(2, 2)
			.withServiceEnvironment(Map.of("INCIDENT_EVENTS_PARTITIONS", String.valueOf(PARTITIONS),
					// one consumer per partition in the group: three in each query
					// instance
					"SPRING_KAFKA_LISTENER_CONCURRENCY", String.valueOf(PARTITIONS / 2), "PAGERDUTY_BURST",
					String.valueOf(PAGERDUTY_BURST), "PAGERDUTY_EVENTS_PER_MINUTE", "1",
					// a killed query instance's partitions move to the other within
					// seconds
					"SPRING_APPLICATION_JSON",
					"{\"spring.kafka.consumer.properties.session.timeout.ms\":\"8000\","
							+ "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"1000\"}"))
			.start();
		Http http = new Http(system.identityUrl());
		for (int i = 0; i < system.queryInstances(); i++) {
			streams.add(LiveStreamClient.open(system.queryUrl(i), http.token(Http.READER)));
		}
	}

	@AfterAll
	static void stopSystem() {
		streams.forEach(LiveStreamClient::close);
		if (system != null) {
			system.close();
		}
	}

	/**
	 * Each command instance caches the incidents it loaded; commands alternating between
	 * them find a copy the other instance has moved on from. None of these commands
	 * conflicts with anything the client did: every one must be accepted, in order.
	 */
	@Test
	@Order(1)
	void commandsAlternatingBetweenCommandInstancesNeverGetAConflictTheClientDidNotCause() {
		String id = declare(0, "alternating instances");
		List<String> answers = new ArrayList<>();
		long expected = 2;
		for (int i = 0; i < 12; i++, expected++) {
			Http.Response note = this.http.post(commands(i % 2, "/api/incidents/" + id + "/notes"), "alice",
					"{\"note\":\"note " + i + "\"}");
			answers.add("note " + i + " on command-" + (i % 2) + ": " + note.status() + " " + note.body());
			assertThat(note.status()).as(String.join("\n", answers)).isEqualTo(200);
			assertThat(sequence(note)).as(String.join("\n", answers)).isEqualTo(expected);
		}
		// decisions, not only appends: a stale copy would refuse these (already
		// identified,
		// not resolved)
		List<String[]> steps = List.of(new String[] { "0", "alice", "status", "{\"status\":\"identified\"}" },
				new String[] { "1", "alice", "status", "{\"status\":\"monitoring\"}" },
				new String[] { "0", "alice", "status", "{\"status\":\"identified\"}" },
				new String[] { "1", "carol", "resolution", "{\"summary\":\"fixed\"}" },
				new String[] { "0", "carol", "reopening", "{\"reason\":\"back again\"}" },
				new String[] { "1", "carol", "resolution", "{\"summary\":\"fixed for good\"}" });
		for (String[] step : steps) {
			int instance = Integer.parseInt(step[0]);
			Http.Response answer = this.http.post(commands(instance, "/api/incidents/" + id + "/" + step[2]), step[1],
					step[3]);
			answers.add(
					step[2] + " " + step[3] + " on command-" + instance + ": " + answer.status() + " " + answer.body());
			assertThat(answer.status()).as(String.join("\n", answers)).isEqualTo(200);
			assertThat(sequence(answer)).as(String.join("\n", answers)).isEqualTo(expected++);
		}
		assertThat(awaitTimeline(0, id, expected - 1)).hasSize((int) expected - 1);
	}

	/**
	 * A browser is connected to one query instance; the events reach whichever instance
	 * consumes their partition. Every stream must hear of every incident.
	 */
	@Test
	@Order(2)
	void everyLiveUpdateReachesTheStreamOfEveryQueryInstance() {
		Map<String, Long> last = new ConcurrentHashMap<>();
		for (int i = 0; i < 8; i++) {
			String id = declare(i % 2, "live " + i);
			Http.Response note = this.http.post(commands((i + 1) % 2, "/api/incidents/" + id + "/notes"), "alice",
					"{\"note\":\"live note\"}");
			assertThat(note.status()).as(note.body()).isEqualTo(200);
			last.put(id, sequence(note));
		}
		await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
			for (int i = 0; i < streams.size(); i++) {
				LiveStreamClient stream = streams.get(i);
				for (Map.Entry<String, Long> incident : last.entrySet()) {
					assertThat(stream.lastSequence(incident.getKey()))
						.as("query-%d's stream heard of incident %s through sequence %d (stream saw %s)", i,
								incident.getKey(), incident.getValue(), stream.seen())
						.isGreaterThanOrEqualTo(incident.getValue());
				}
			}
		});
	}

	/**
	 * Both query instances consume (each its share of the partitions), and between them
	 * every stored event is applied exactly once.
	 */
	@Test
	@Order(3)
	void bothQueryInstancesSharePartitionsAndApplyEveryStoredEventOnce() {
		await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
			long stored = storedEvents();
			double applied = applied(0) + applied(1);
			assertThat(applied).as("events applied by both query instances, of %d stored", stored)
				.isEqualTo((double) stored);
		});
		assertThat(applied(0)).as("query-0 applied some").isPositive();
		assertThat(applied(1)).as("query-1 applied some").isPositive();
	}

	/**
	 * Only one command instance holds the publisher's segments; the other must still tell
	 * the truth about what Kafka has not acknowledged, and both the same.
	 */
	@Test
	@Order(4)
	void everyCommandInstanceReportsTheStoreWidePublisherLag() {
		await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
			assertThat(publisherLag(0)).as("command-0's publisher lag").isZero();
			assertThat(publisherLag(1)).as("command-1's publisher lag").isZero();
		});
	}

	/**
	 * A sender alternating between command instances gets the configured burst, not the
	 * burst of each instance.
	 */
	@Test
	@Order(5)
	void thePagerDutyRateLimitHoldsAcrossCommandInstances() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 2 * PAGERDUTY_BURST; i++) {
			String event = """
					{"routing_key":"%s","event_action":"trigger","dedup_key":"rate-%s",
					 "payload":{"summary":"disk full %d","source":"db-%d","severity":"warning"}}"""
				.formatted(ROUTING_KEY, UUID.randomUUID(), i, i);
			statuses.add(this.http.postAnonymously(commands(i % 2, "/v2/enqueue"), event).status());
		}
		assertThat(statuses).as("answers, alternating between the command instances")
			.filteredOn((status) -> status == 202)
			.hasSize(PAGERDUTY_BURST);
		assertThat(statuses).filteredOn((status) -> status == 429).hasSize(PAGERDUTY_BURST);
	}

	/**
	 * Clients write through whichever command instance answers (with their
	 * Idempotency-Key) while one command instance and one query instance are killed:
	 * every accepted command is stored once and visible once.
	 */
	@Test
	@Order(6)
	void killingOneInstanceOfEachKindMidLoadLosesNothing() throws Exception {
		List<String> incidents = List.of(declare(0, "kill mid-load A"), declare(1, "kill mid-load B"));
		int notes = 25;
		Map<String, List<Long>> sequences = new ConcurrentHashMap<>();
		List<Thread> writers = new ArrayList<>();
		AtomicBoolean failed = new AtomicBoolean();
		for (String id : incidents) {
			List<Long> accepted = new CopyOnWriteArrayList<>();
			sequences.put(id, accepted);
			Thread writer = new Thread(() -> {
				try {
					for (int i = 0; i < notes; i++) {
						accepted.add(sequence(postToAnyInstance("/api/incidents/" + id + "/notes",
								"{\"note\":\"under load " + i + "\"}", i)));
					}
				}
				catch (RuntimeException | AssertionError ex) {
					failed.set(true);
					throw ex;
				}
			});
			writers.add(writer);
			writer.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> sequences.values().stream().allMatch((accepted) -> accepted.size() >= 5));
		// command-0 started first and holds every publisher segment: command-1 must take
		// them over
		system.killCommand(0);
		system.killQuery(1);
		for (Thread writer : writers) {
			writer.join(Duration.ofMinutes(2).toMillis());
		}
		assertThat(failed).as("a writer failed").isFalse();

		for (String id : incidents) {
			assertThat(sequences.get(id)).as("accepted sequences of %s", id)
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, notes + 1).boxed().toList());
			List<Map<String, Object>> timeline = awaitTimeline(0, id, notes + 1);
			assertThat(timeline).extracting((entry) -> ((Number) entry.get("sequence")).longValue())
				.as("the timeline of %s on the surviving query instance", id)
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, notes + 1).boxed().toList());
		}
		await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(publisherLag(1)).isZero());
		String metrics = this.http.getAnonymously(system.queryManagementUrl(0) + "/actuator/prometheus").body();
		assertThat(metric(metrics, "incident_query_dead_lettered_total")).isZero();
		assertThat(metric(metrics, "incident_query_parked_events")).isZero();
	}

	/**
	 * Sends to one command instance and, when it does not answer, to the other, with the
	 * same Idempotency-Key, as a client behind a load balancer would.
	 */
	private Http.Response postToAnyInstance(String path, String json, int attempt) {
		String key = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		for (int instance = attempt % 2;; instance = (instance + 1) % 2) {
			try {
				Http.Response response = this.http.post(commands(instance, path), "alice", json, key);
				if (response.status() < 500) {
					assertThat(response.status()).as(response.body()).isEqualTo(200);
					return response;
				}
			}
			catch (IllegalStateException ex) {
				// that instance is down: the other one answers
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("no command instance answered " + path);
			}
			sleep(100);
		}
	}

	private String declare(int instance, String title) {
		Http.Response declared = this.http.post(commands(instance, "/api/incidents"), "alice",
				"{\"title\":\"" + title + "\",\"severity\":\"SEV-3\",\"services\":[\"search\"]}");
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.read("$.incidentId");
	}

	private List<Map<String, Object>> awaitTimeline(int instance, String id, long events) {
		List<Map<String, Object>> timeline = new ArrayList<>();
		await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Http.Response response = this.http.get(system.queryUrl(instance) + "/api/incidents/" + id + "/timeline");
			assertThat(response.status()).isEqualTo(200);
			List<Map<String, Object>> entries = response.read("$.entries");
			assertThat(entries).hasSizeGreaterThanOrEqualTo((int) events);
			timeline.clear();
			timeline.addAll(entries);
		});
		return timeline;
	}

	private double publisherLag(int instance) {
		return metric(this.http.getAnonymously(system.commandManagementUrl(instance) + "/actuator/prometheus").body(),
				"incident_publisher_lag_events");
	}

	private double applied(int instance) {
		return metric(this.http.getAnonymously(system.queryManagementUrl(instance) + "/actuator/prometheus").body(),
				"incident_query_events_applied_total");
	}

	/** The sum of every series of the metric (0 when there is none). */
	private static double metric(String metrics, String name) {
		return metrics.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static long storedEvents() throws SQLException {
		try (Connection connection = DriverManager.getConnection(system.jdbcUrl("incident_command"), "postgres",
				"postgres");
				ResultSet count = connection.createStatement()
					.executeQuery("SELECT count(*) FROM domain_event_entry")) {
			count.next();
			return count.getLong(1);
		}
	}

	private static long sequence(Http.Response response) {
		return ((Number) response.read("$.sequence")).longValue();
	}

	private static String commands(int instance, String path) {
		return system.commandUrl(instance) + path;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A client of one query instance's {@code /api/stream}, as the dashboard's
	 * EventSource is: it keeps, per incident, the highest sequence an {@code applied}
	 * message named.
	 */
	static final class LiveStreamClient {

		private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();

		private final List<String> messages = new CopyOnWriteArrayList<>();

		private final AtomicBoolean hello = new AtomicBoolean();

		private final HttpClient client = HttpClient.newHttpClient();

		private Thread reader;

		static LiveStreamClient open(String queryUrl, String token) throws Exception {
			LiveStreamClient stream = new LiveStreamClient();
			HttpResponse<Stream<String>> response = stream.client
				.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/stream"))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "text/event-stream")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).as(queryUrl + "/api/stream").isEqualTo(200);
			stream.reader = new Thread(() -> response.body().forEach(stream::read), "live-stream " + queryUrl);
			stream.reader.setDaemon(true);
			stream.reader.start();
			await().atMost(Duration.ofSeconds(10)).untilTrue(stream.hello);
			return stream;
		}

		private void read(String line) {
			if (line.startsWith("event:hello")) {
				this.hello.set(true);
			}
			if (!line.startsWith("data:") || !line.contains("\"incidents\"")) {
				return;
			}
			String data = line.substring("data:".length());
			this.messages.add(data);
			List<Map<String, Object>> incidents = JsonPath.read(data, "$.incidents");
			for (Map<String, Object> change : incidents) {
				this.lastSequences.merge((String) change.get("incidentId"),
						((Number) change.get("sequence")).longValue(), Math::max);
			}
		}

		long lastSequence(String incidentId) {
			return this.lastSequences.getOrDefault(incidentId, 0L);
		}

		String seen() {
			return this.messages.size() + " messages on " + this.lastSequences.size() + " incidents";
		}

		/** The stream ends with its query instance; this only stops reading. */
		void close() {
			if (this.reader != null) {
				this.reader.interrupt();
			}
		}

	}

}
