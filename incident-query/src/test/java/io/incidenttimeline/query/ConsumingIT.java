package io.incidenttimeline.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.testsupport.IncidentStory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

@RunningQueryService
class ConsumingIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Test
	void goldenVectorsShowInListDetailAndTimelineWithTheirExactTimes() {
		GoldenVectors.all()
			.keySet()
			.forEach((file) -> this.topic.send(GoldenVectors.INCIDENT.toString(), GoldenVectors.read(file)));
		QueryApi api = this.api;
		String path = "/api/incidents/" + GoldenVectors.INCIDENT;

		JsonNode detail = eventually()
			.until(() -> api.get(path),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == 10)
			.json();

		assertThat(detail.path("title").asText()).isEqualTo("Checkout returns HTTP 500");
		assertThat(detail.path("severity").asText()).isEqualTo("SEV-1");
		assertThat(detail.path("status").asText()).isEqualTo("investigating");
		assertThat(detail.path("services").toString()).isEqualTo("[\"checkout\",\"payments\"]");
		assertThat(detail.path("commander").asText()).isEqualTo("alice");
		assertThat(detail.path("roles").path("incident_commander").asText()).isEqualTo("alice");
		assertThat(detail.path("roles").path("comms_lead").asText()).isEqualTo("carol");
		assertThat(detail.path("acknowledgement").path("by").asText()).isEqualTo("bob");
		assertThat(detail.path("acknowledgement").path("at").asText()).isEqualTo("2026-11-20T10:03:10.000001Z");
		assertThat(detail.path("mitigations")).hasSize(1);
		assertThat(detail.path("mitigations").get(0).path("kind").asText()).isEqualTo("rollback");
		assertThat(detail.path("mitigations").get(0).path("occurredAt").asText())
			.isEqualTo("2026-11-20T10:08:00.000000Z");
		assertThat(detail.path("mitigations").get(0).path("actor").asText()).isEqualTo("bob");
		assertThat(detail.path("impactStartedAt").asText()).isEqualTo("2026-11-20T09:58:30.250000Z");
		assertThat(detail.path("declaredAt").asText()).isEqualTo("2026-11-20T10:02:00.000000Z");
		assertThat(detail.path("acknowledgedAt").asText()).isEqualTo("2026-11-20T10:03:10.000001Z");
		assertThat(detail.path("mitigatedAt").asText()).isEqualTo("2026-11-20T10:08:00.000000Z");
		assertThat(detail.path("resolvedAt").isNull()).isTrue();
		assertThat(detail.path("updatedAt").asText()).isEqualTo("2026-11-20T11:00:00.080910Z");
		assertThat(detail.path("freshness").path("lastAppliedSequence").asLong()).isEqualTo(10);
		assertThat(api.get(path).header("X-Last-Applied-Sequence")).isEqualTo("10");

		JsonNode list = api.get("/api/incidents?severity=SEV-1&service=checkout&status=open").json();
		JsonNode item = itemWithId(list, GoldenVectors.INCIDENT.toString());
		assertThat(item.path("declaredAt").asText()).isEqualTo("2026-11-20T10:02:00.000000Z");
		assertThat(item.path("impactStartedAt").asText()).isEqualTo("2026-11-20T09:58:30.250000Z");
		assertThat(item.path("mitigatedAt").asText()).isEqualTo("2026-11-20T10:08:00.000000Z");
		assertThat(item.path("lastSequence").asLong()).isEqualTo(10);
		assertThat(list.path("freshness").path("lastAppliedAt").isTextual()).isTrue();
		assertThat(itemWithId(api.get("/api/incidents?status=resolved").json(), GoldenVectors.INCIDENT.toString()))
			.isNull();

		JsonNode timeline = api.get(path + "/timeline").json().path("entries");
		List<Long> order = new ArrayList<>();
		timeline.forEach((entry) -> order.add(entry.path("sequence").asLong()));
		assertThat(order).containsExactly(1L, 2L, 3L, 4L, 7L, 5L, 6L, 8L, 9L, 10L);
		for (JsonNode entry : timeline) {
			EventEnvelope expected = new ArrayList<>(GoldenVectors.all().values())
				.get((int) entry.path("sequence").asLong() - 1);
			assertThat(entry.path("occurredAt").asText()).isEqualTo(Timestamps.format(expected.occurredAt()))
				.hasSize(27);
			assertThat(entry.path("recordedAt").asText()).isEqualTo(Timestamps.format(expected.recordedAt()));
			assertThat(entry.path("eventId").asText()).isEqualTo(expected.eventId().toString());
			assertThat(entry.path("type").asText()).isEqualTo(expected.type().name());
			assertThat(entry.path("schemaVersion").asInt()).isEqualTo(expected.schemaVersion());
			assertThat(entry.path("actor").asText()).isEqualTo(expected.actor());
			assertThat(entry.path("source").asText()).isEqualTo(expected.source());
			assertThat(entry.path("backdated").asBoolean()).isEqualTo(expected.isBackdated());
			assertThat(entry.path("summary").asText()).isNotBlank();
			assertThat(entry.path("payload").path("incidentId").asText()).isEqualTo(GoldenVectors.INCIDENT.toString());
		}
		assertThat(timeline.get(4).path("backdated").asBoolean()).isTrue();
	}

	@Test
	void anIncidentIsShownAsItStoodAtAnyInstantFromWhatHadBeenRecordedByThen() {
		GoldenVectors.all()
			.keySet()
			.forEach((file) -> this.topic.send(GoldenVectors.INCIDENT.toString(), GoldenVectors.read(file)));
		QueryApi api = this.api;
		String path = "/api/incidents/" + GoldenVectors.INCIDENT;
		eventually().until(() -> api.get(path),
				(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == 10);

		JsonNode acknowledged = api.get(path + "?asOf=2026-11-20T10:04:00Z").json();
		JsonNode resolved = api.get(path + "?asOf=2026-11-20T10:30:00.070809Z").json();

		assertThat(acknowledged.path("lastSequence").asLong()).isEqualTo(2);
		assertThat(acknowledged.path("severity").asText()).as("before the change to SEV-1").isEqualTo("SEV-2");
		assertThat(acknowledged.path("acknowledgement").path("by").asText()).isEqualTo("bob");
		assertThat(acknowledged.path("mitigations")).isEmpty();
		assertThat(resolved.path("lastSequence").asLong()).as("recordedAt bound is inclusive").isEqualTo(9);
		assertThat(resolved.path("status").asText()).isEqualTo("resolved");
		assertThat(resolved.path("resolvedAt").asText()).isEqualTo("2026-11-20T10:30:00.000000Z");
		assertThat(api.get(path + "?asOf=2026-11-20T10:01:00Z").status()).as("not yet declared").isEqualTo(404);
		QueryApi.Answer bad = api.get(path + "?asOf=yesterday");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
	}

	@Test
	void aDeclarationAnEarlierProducerWroteIsStillReadWithTheAlertsThatFollowIt() {
		this.topic.send(GoldenVectors.ALERTED_INCIDENT.toString(),
				GoldenVectors.read("earlier/alerts-01-incident-declared.v1.json"));
		GoldenVectors.alertStory()
			.keySet()
			.stream()
			.skip(1)
			.forEach((file) -> this.topic.send(GoldenVectors.ALERTED_INCIDENT.toString(), GoldenVectors.read(file)));
		String path = "/api/incidents/" + GoldenVectors.ALERTED_INCIDENT;

		JsonNode detail = eventually()
			.until(() -> this.api.get(path),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == 4)
			.json();

		assertThat(detail.path("title").asText()).isEqualTo("HighErrorRate: checkout");
		assertThat(detail.path("impactStartedAt").asText()).isEqualTo("2026-11-21T07:58:00.123456Z");
		JsonNode entries = this.api.get(path + "/timeline").json().path("entries");
		assertThat(entries).extracting((entry) -> entry.path("summary").asText())
			.containsExactly("Declared SEV-2 \"HighErrorRate: checkout\" affecting checkout",
					"Alert from alertmanager: Error rate above 5% on checkout",
					"Alert acknowledged in alertmanager (a3f9c1e2b4d5f6a7)",
					"Alert resolved in alertmanager (a3f9c1e2b4d5f6a7)");
	}

	@Test
	void theSameRecordDeliveredTwiceHasNoDoubleEffect() {
		IncidentStory story = new IncidentStory();
		double duplicatesBefore = counter("incident.query.duplicates.skipped");
		EventEnvelope declared = story.declared();
		EventEnvelope mitigation = story.mitigation("Disabled the new ranking");
		this.topic.send(declared);
		this.topic.send(mitigation);
		this.topic.send(mitigation);
		this.topic.send(story.note("Latency back to normal"));

		JsonNode detail = awaitSequence(story, 3);

		assertThat(detail.path("mitigations")).hasSize(1);
		assertThat(this.api.get("/api/incidents/" + story.incident() + "/timeline").json().path("entries")).hasSize(3);
		eventually().until(() -> counter("incident.query.duplicates.skipped"),
				(count) -> count >= duplicatesBefore + 1);
	}

	@Test
	void anEarlyEventIsParkedAndAppliedInOrderWhenTheGapCloses() {
		IncidentStory story = new IncidentStory();
		double gapsBefore = counter("incident.query.sequence.gaps");
		EventEnvelope declared = story.declared();
		EventEnvelope second = story.mitigation("Failed over to the replica");
		EventEnvelope third = story.note("Replica healthy");
		this.topic.send(declared);
		this.topic.send(third);

		eventually().until(() -> counter("incident.query.sequence.gaps"), (count) -> count == gapsBefore + 1);
		assertThat(parked(story)).isEqualTo(1);
		assertThat(gauge("incident.query.parked.events")).isGreaterThanOrEqualTo(1);
		assertThat(this.api.get("/api/incidents/" + story.incident()).json().path("lastSequence").asLong())
			.isEqualTo(1);

		this.topic.send(second);

		awaitSequence(story, 3);
		assertThat(parked(story)).isZero();
		JsonNode entries = this.api.get("/api/incidents/" + story.incident() + "/timeline").json().path("entries");
		assertThat(entries).extracting((entry) -> entry.path("sequence").asLong()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aMalformedRecordIsDeadLetteredWithItsReasonWhileTheNextEventIsApplied() {
		IncidentStory story = new IncidentStory();
		double deadBefore = counter("incident.query.dead.lettered");
		this.topic.send(story.declared());
		this.topic.send(story.incident().toString(), "{\"not\": \"a cloud event\"}".getBytes(StandardCharsets.UTF_8));
		this.topic.send(story.note("Still applied"));

		awaitSequence(story, 2);

		ConsumerRecord<String, byte[]> dead = deadLetterFor(story);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\": \"a cloud event\"}");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo("io.incidenttimeline.events.MalformedEventException");
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a CloudEvents JSON event");
		assertThat(counter("incident.query.dead.lettered")).isGreaterThanOrEqualTo(deadBefore + 1);
	}

	@Test
	void theTimelineNamesWhoActedByTheirDisplayNameBesideTheirId() throws Exception {
		IncidentStory story = new IncidentStory();
		EventEnvelope declared = story.declared();
		EventEnvelope note = SignedInActors.actedBy(story.note("Rolled back the pool size"), "victor", "Victor Nguyễn");
		ObjectNode postmortem = (ObjectNode) JSON
			.readTree(story.after(Duration.ofMinutes(2)).unknownType("IncidentArchived"));
		postmortem.put("actor", "ada").put("actorname", "Ada Ørsted");
		this.topic.send(declared, note);
		this.topic.send(story.incident().toString(), JSON.writeValueAsBytes(postmortem));

		awaitSequence(story, 3);

		JsonNode entries = this.api.get("/api/incidents/" + story.incident() + "/timeline").json().path("entries");
		assertThat(entries.get(0).path("actor").asText()).isEqualTo("erin");
		assertThat(entries.get(0).path("actorName").isNull()).as("recorded before people signed in").isTrue();
		assertThat(entries.get(1).path("actor").asText()).isEqualTo("victor");
		assertThat(entries.get(1).path("actorName").asText()).isEqualTo("Victor Nguyễn");
		assertThat(entries.get(2).path("known").asBoolean()).isFalse();
		assertThat(entries.get(2).path("actor").asText()).isEqualTo("ada");
		assertThat(entries.get(2).path("actorName").asText()).isEqualTo("Ada Ørsted");
	}

	@Test
	void anUnknownEventTypeBecomesATimelineEntryAndLaterEventsStillApply() {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared());
		this.topic.send(story.incident().toString(), story.unknownType("IncidentArchived"));
		this.topic.send(story.mitigation("Restarted the search pods"));

		JsonNode detail = awaitSequence(story, 3);

		assertThat(detail.path("mitigations")).hasSize(1);
		JsonNode entries = this.api.get("/api/incidents/" + story.incident() + "/timeline").json().path("entries");
		assertThat(entries).hasSize(3);
		JsonNode unknown = entries.get(1);
		assertThat(unknown.path("sequence").asLong()).isEqualTo(2);
		assertThat(unknown.path("type").asText()).isEqualTo("IncidentArchived");
		assertThat(unknown.path("known").asBoolean()).isFalse();
		assertThat(unknown.path("actor").asText()).isEqualTo("erin");
		assertThat(unknown.path("payload").path("note").asText()).isEqualTo("placeholder");
		assertThat(counter("incident.query.unknown.types")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void rebuildingAProjectionGivesIdenticalRows() {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared());
		this.topic.send(story.mitigation("Rolled back the indexer"));
		awaitSequence(story, 2);
		List<Map<String, Object>> before = incidentRows();
		this.jdbc.sql("UPDATE incidents SET title = 'corrupted'").update();

		QueryApi.Answer rebuilt = this.api.admin().post("/api/admin/projections/incidents/rebuild");

		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().path("eventsReplayed").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(incidentRows()).isEqualTo(before);
		assertThat(this.api.admin().post("/api/admin/projections/nonsense/rebuild").status()).isEqualTo(404);
	}

	@Test
	void badListParametersAreNamedInAProblem() {
		QueryApi.Answer answer = this.api.get("/api/incidents?status=closed&severity=SEV-9&size=0&from=yesterday");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactlyInAnyOrder("status", "severity", "size", "from");
	}

	@Test
	void unknownIncidentIsANotFoundProblem() {
		QueryApi.Answer answer = this.api.get("/api/incidents/" + new IncidentStory().incident());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.api.get("/api/incidents/" + new IncidentStory().incident() + "/timeline").status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/incidents/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void metricsAndApiDocsArePublished() {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared());
		awaitSequence(story, 1);

		String prometheus = this.api.management().get("/actuator/prometheus").body();

		assertThat(prometheus).contains("incident_query_events_applied_total",
				"incident_query_duplicates_skipped_total", "incident_query_sequence_gaps_total",
				"incident_query_parked_events", "incident_query_failed_events", "incident_query_dead_lettered_total",
				"incident_query_retrying", "incident_query_failed_deliveries_total",
				"kafka_consumer_fetch_manager_records_lag");
		assertThat(this.api.get("/v3/api-docs").json().path("paths").has("/api/incidents/{id}/timeline")).isTrue();
		assertThat(this.api.management().get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
	}

	@Test
	void aProjectionFailureIsRetriedThenParkedForItsIncidentWithoutAnyEffect() {
		IncidentStory failing = new IncidentStory();
		IncidentStory healthy = new IncidentStory();
		double deadBefore = counter("incident.query.dead.lettered");
		this.topic.send(failing.declared(FailingProjection.TITLE));
		this.topic.send(healthy.declared());

		JsonNode parked = eventually().until(() -> parkedEntry(failing, 1), (entry) -> entry != null);

		assertThat(parked.path("kind").asText()).isEqualTo("failed");
		assertThat(parked.path("reason").asText())
			.isEqualTo("java.lang.IllegalStateException: projection failed on purpose");
		assertThat(FailingProjection.attempts).as("first attempt and three retries").hasValue(4);
		awaitSequence(healthy, 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident_events WHERE incident_id = ?")
			.param(failing.incident().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get("/api/incidents/" + failing.incident()).status()).isEqualTo(404);
		assertThat(counter("incident.query.dead.lettered")).as("nothing dead-lettered").isEqualTo(deadBefore);
	}

	@Test
	void theConsumerReadsCommittedRecordsFromTheEarliestOffset() {
		Map<String, Object> config = this.consumers.getConfigurationProperties();

		assertThat(config.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).hasToString("read_committed");
		assertThat(config.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
		assertThat(config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo(false);
	}

	private JsonNode parkedEntry(IncidentStory story, long sequence) {
		for (JsonNode entry : this.api.admin().get("/api/admin/parked").json()) {
			if (entry.path("incidentId").asText().equals(story.incident().toString())
					&& entry.path("sequence").asLong() == sequence) {
				return entry;
			}
		}
		return null;
	}

	private ConsumerRecord<String, byte[]> deadLetterFor(IncidentStory story) {
		return this.topic.deadLetter(story.incident().toString());
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private JsonNode awaitSequence(IncidentStory story, long sequence) {
		return eventually()
			.until(() -> this.api.get("/api/incidents/" + story.incident()),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == sequence)
			.json();
	}

	private List<Map<String, Object>> incidentRows() {
		return this.jdbc.sql("SELECT * FROM incidents ORDER BY id").query().listOfRows();
	}

	private long parked(IncidentStory story) {
		return this.jdbc.sql("SELECT count(*) FROM parked_events WHERE incident_id = ?")
			.param(story.incident().value())
			.query(Long.class)
			.single();
	}

	private double counter(String name) {
		try {
			return this.meters.get(name).counters().stream().mapToDouble((c) -> c.count()).sum();
		}
		catch (MeterNotFoundException ex) {
			return 0;
		}
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private static JsonNode itemWithId(JsonNode list, String id) {
		for (JsonNode item : list.path("items")) {
			if (id.equals(item.path("id").asText())) {
				return item;
			}
		}
		return null;
	}

	/**
	 * A projection that fails on one incident's declaration, as a bug would.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingProjection {

		static final String TITLE = "Fails in a projection";

		static final AtomicInteger attempts = new AtomicInteger();

		@Bean
		Projection failingProjection() {
			return new Projection() {

				@Override
				public String name() {
					return "failing";
				}

				@Override
				public List<String> tables() {
					return List.of();
				}

				@Override
				public void apply(EventEnvelope event) {
					if (event.payload() instanceof IncidentDeclared declared && TITLE.equals(declared.title())) {
						attempts.incrementAndGet();
						throw new IllegalStateException("projection failed on purpose");
					}
				}

			};
		}

	}

}
