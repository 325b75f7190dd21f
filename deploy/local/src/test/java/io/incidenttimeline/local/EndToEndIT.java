package io.incidenttimeline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as {@code deploy/local/run.sh} starts it — embedded PostgreSQL, a real
 * KRaft broker process, both services as processes from their jars — driven over HTTP,
 * and broken on purpose: processes stopped and started mid-stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

	/**
	 * After a database outage the publisher's coordinator retries with Axon's backoff,
	 * which doubles up to 60 s, and each failed attempt first releases every segment
	 * against the unreachable database (one connect timeout each): catching up can take a
	 * minute or two after PostgreSQL is back.
	 */
	private static final Duration VISIBLE_AFTER_DATABASE_OUTAGE = Duration.ofMinutes(3);

	private static LocalSystem system;

	private final Http http = new Http(system.identityUrl());

	@BeforeAll
	static void startSystem() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target"), "e2e-");
		Path root = Path.of("../..").toAbsolutePath().normalize();
		system = new LocalSystem(LocalSystem.Settings.freePorts(data, root)).start();
	}

	@AfterAll
	static void stopSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	@Order(1)
	void scriptedIncidentAppearsInTheQueryApiWithTheExactTimestampsAndOrderTheCommandSideReturned() {
		List<Recorded> recorded = new ArrayList<>();
		Http.Response declared = this.http.post(commands("/api/incidents"), "alice", """
				{"title":"Checkout returns HTTP 500","severity":"SEV-2","services":["checkout","payments"],
				 "impactStartedAt":"2020-01-01T00:00:00Z","commander":"alice"}""");
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		recorded.add(Recorded.of(declared));
		String id = declared.read("$.incidentId");
		String backdated = java.time.Instant.now().minusSeconds(600).toString();
		List<String[]> script = List.of(new String[] { "acknowledgements", "alice", "{}" },
				new String[] { "severity", "alice", "{\"severity\":\"SEV-1\",\"reason\":\"all regions\"}" },
				new String[] { "roles", "alice", "{\"role\":\"comms_lead\",\"assignee\":\"carol\"}" },
				new String[] { "status", "alice", "{\"status\":\"identified\"}" },
				new String[] { "updates", "alice", "{\"visibility\":\"public\",\"body\":\"We are rolling back.\"}" },
				new String[] { "mitigations", "alice",
						"{\"kind\":\"rollback\",\"description\":\"Rolled back to v41\"}" },
				new String[] { "notes", "alice",
						"{\"note\":\"Error rate first rose here\",\"occurredAt\":\"" + backdated + "\"}" },
				new String[] { "status", "alice", "{\"status\":\"monitoring\"}" },
				new String[] { "resolution", "carol", "{\"summary\":\"Rollback fixed checkout\"}" },
				new String[] { "reopening", "carol", "{\"reason\":\"Errors are back in eu-west\"}" },
				new String[] { "resolution", "carol", "{\"summary\":\"Feature flag off in eu-west\"}" });
		for (String[] step : script) {
			Http.Response response = this.http.post(commands("/api/incidents/" + id + "/" + step[0]), step[1], step[2]);
			assertThat(response.status()).as(step[0] + ": " + response.body()).isBetween(200, 201);
			recorded.add(Recorded.of(response));
		}
		assertThat(recorded).extracting(Recorded::sequence)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().map(Long::valueOf).toList());

		List<Map<String, Object>> timeline = awaitTimeline(id, 12);

		assertThat(timeline).extracting((entry) -> ((Number) entry.get("sequence")).longValue())
			.containsExactlyInAnyOrderElementsOf(recorded.stream().map(Recorded::sequence).toList());
		for (Recorded expected : recorded) {
			Map<String, Object> entry = timeline.stream()
				.filter((e) -> ((Number) e.get("sequence")).longValue() == expected.sequence())
				.findFirst()
				.orElseThrow();
			assertThat(entry.get("recordedAt")).as("recordedAt of %d", expected.sequence())
				.isEqualTo(expected.recordedAt());
		}
		Map<String, Object> note = timeline.stream()
			.filter((e) -> ((Number) e.get("sequence")).longValue() == 8)
			.findFirst()
			.orElseThrow();
		assertThat(note.get("backdated")).isEqualTo(true);
		assertThat(((Number) timeline.get(0).get("sequence")).longValue())
			.as("ordered by occurredAt: the backdated note comes first")
			.isEqualTo(8);
		assertThat(this.http.get(queries("/api/incidents/" + id)).<String>read("$.status")).isEqualTo("resolved");
	}

	@Test
	@Order(2)
	void commandServiceRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
		String id = declare("restart of the command service");
		List<Long> sequences = new CopyOnWriteArrayList<>();
		Thread writer = new Thread(() -> {
			for (int i = 0; i < 20; i++) {
				Http.Response response = this.http.postUntilAnswered(commands("/api/incidents/" + id + "/notes"),
						"alice", "{\"note\":\"note " + i + "\"}", Duration.ofMinutes(3));
				sequences.add(((Number) response.read("$.sequence")).longValue());
			}
		});
		writer.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> sequences.size() >= 3);
		system.stopCommand();
		system.startCommand();
		writer.join(Duration.ofMinutes(4).toMillis());

		assertThat(sequences).hasSize(20).doesNotHaveDuplicates();
		List<Map<String, Object>> timeline = awaitTimeline(id, 21);
		assertThat(timeline).hasSize(21);
	}

	@Test
	@Order(3)
	void kafkaOutageHoldsEventsInTheStoreAndThePublisherCatchesUpWithoutSkipping() throws Exception {
		String id = declare("Kafka outage");
		awaitTimeline(id, 1);
		system.stopKafka();
		for (int i = 0; i < 5; i++) {
			Http.Response response = this.http.post(commands("/api/incidents/" + id + "/notes"), "alice",
					"{\"note\":\"while Kafka is down " + i + "\"}");
			assertThat(response.status()).as("the event store accepts commands while Kafka is down: " + response.body())
				.isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(publisherLag()).as("publisher lag while Kafka is down").isGreaterThan(0));
		system.startKafka();

		List<Map<String, Object>> timeline = awaitTimeline(id, 6);

		assertThat(timeline).extracting((e) -> ((Number) e.get("sequence")).longValue())
			.containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
		await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(publisherLag()).isZero());
	}

	@Test
	@Order(4)
	void queryServiceRestartMidStreamCountsEveryEventOnce() {
		String id = declare("restart of the query service");
		system.stopQuery();
		for (int i = 0; i < 10; i++) {
			this.http.post(commands("/api/incidents/" + id + "/notes"), "alice", "{\"note\":\"n" + i + "\"}");
		}
		system.startQuery();

		List<Map<String, Object>> timeline = awaitTimeline(id, 11);

		assertThat(timeline).hasSize(11);
		assertThat(this.http.get(queries("/api/incidents/" + id)).<Number>read("$.lastSequence").longValue())
			.isEqualTo(11);
	}

	@Test
	@Order(5)
	void postgresOutageIsAnsweredAtOnceWith503AndEveryAcceptedCommandStillArrives() throws Exception {
		String id = declare("PostgreSQL outage");
		List<Long> sequences = new CopyOnWriteArrayList<>();
		Thread writer = new Thread(() -> {
			for (int i = 0; i < 30; i++) {
				Http.Response response = this.http.postUntilAnswered(commands("/api/incidents/" + id + "/notes"),
						"alice", "{\"note\":\"during the outage " + i + "\"}", Duration.ofMinutes(3));
				sequences.add(((Number) response.read("$.sequence")).longValue());
			}
		});
		writer.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> sequences.size() >= 3);
		system.stopPostgres();
		try {
			long started = System.nanoTime();
			Http.Response refused = this.http.post(commands("/api/incidents/" + id + "/notes"), "alice",
					"{\"note\":\"while PostgreSQL is down\"}");
			Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

			assertThat(refused.status()).as(refused.body()).isEqualTo(503);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.header("Retry-After")).isNotBlank();
			assertThat(answeredIn).as("answered within 2 s").isLessThan(Duration.ofMillis(2500));
			Thread.sleep(8000);
		}
		finally {
			system.startPostgres();
		}
		writer.join(Duration.ofMinutes(4).toMillis());

		assertThat(sequences).hasSize(30).doesNotHaveDuplicates();
		assertThat(awaitTimeline(id, 31, VISIBLE_AFTER_DATABASE_OUTAGE)).hasSize(31);
		String metrics = this.http.getAnonymously(system.queryManagementUrl() + "/actuator/prometheus").body();
		assertThat(metrics).contains("incident_query_dead_lettered_total 0.0");
	}

	private String declare(String title) {
		Http.Response declared = this.http.post(commands("/api/incidents"), "alice",
				"{\"title\":\"" + title + "\",\"severity\":\"SEV-3\",\"services\":[\"search\"]}");
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.read("$.incidentId");
	}

	private List<Map<String, Object>> awaitTimeline(String id, int events) {
		return awaitTimeline(id, events, VISIBLE_WITHIN);
	}

	private List<Map<String, Object>> awaitTimeline(String id, int events, Duration within) {
		List<Map<String, Object>> timeline = new ArrayList<>();
		await().atMost(within).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Http.Response response = this.http.get(queries("/api/incidents/" + id + "/timeline"));
			assertThat(response.status()).isEqualTo(200);
			List<Map<String, Object>> entries = response.read("$.entries");
			assertThat(entries).hasSizeGreaterThanOrEqualTo(events);
			timeline.clear();
			timeline.addAll(entries);
		});
		return timeline;
	}

	private double publisherLag() {
		String metrics = this.http.getAnonymously(system.commandManagementUrl() + "/actuator/prometheus").body();
		return metrics.lines()
			.filter((line) -> line.startsWith("incident_publisher_lag_events"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no incident_publisher_lag_events metric"));
	}

	private static String commands(String path) {
		return system.commandUrl() + path;
	}

	private static String queries(String path) {
		return system.queryUrl() + path;
	}

	record Recorded(long sequence, String recordedAt) {

		static Recorded of(Http.Response response) {
			return new Recorded(((Number) response.read("$.sequence")).longValue(), response.read("$.recordedAt"));
		}

	}

}
