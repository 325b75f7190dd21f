package io.incidenttimeline.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.incident.AddTimelineNote;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIT
class CommandApiIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CommandGateway commandGateway;

	@Autowired
	TransactionTemplate transaction;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	/**
	 * Carol, a commander, may send every command (a responder may not resolve or reopen):
	 * each event records her subject as actor, her display name and the client she signed
	 * in with as source.
	 */
	@Test
	void everyCommandIsStoredInOrderWithTheTimesItReturned() {
		CommandApi carol = this.api.as("carol");
		Response declared = carol.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-1","services":["checkout","payments"],
				 "impactStartedAt":"2026-01-01T09:00:00+01:00","commander":"alice",
				 "occurredAt":"2026-01-01T08:05:00.1234567Z"}""");
		assertThat(declared.status()).isEqualTo(201);
		String id = declared.json().get("incidentId").asString();
		assertThat(declared.headers().getLocation()).hasToString("/api/incidents/" + id);
		assertThat(declared.json().get("sequence").asLong()).isEqualTo(1);

		List<Response> responses = new ArrayList<>(List.of(declared));
		responses.add(carol.post(path(id, "severity"), """
				{"severity":"SEV-2","reason":"contained"}"""));
		responses.add(carol.post(path(id, "acknowledgements"), "{}"));
		responses.add(carol.post(path(id, "status"), """
				{"status":"identified"}"""));
		responses.add(carol.post(path(id, "mitigations"), """
				{"kind":"rollback","description":"rolled back 4.2"}"""));
		responses.add(carol.post(path(id, "roles"), """
				{"role":"comms_lead","assignee":"carol"}"""));
		responses.add(carol.post(path(id, "updates"), """
				{"visibility":"public","body":"We rolled back."}"""));
		responses.add(carol.post(path(id, "notes"), """
				{"note":"error rate back to normal"}"""));
		responses.add(carol.post(path(id, "resolution"), """
				{"summary":"bad deploy"}"""));
		responses.add(carol.post(path(id, "reopening"), """
				{"reason":"errors are back"}"""));
		for (int i = 0; i < responses.size(); i++) {
			assertThat(responses.get(i).status()).as(responses.get(i).body()).isIn(200, 201);
			assertThat(responses.get(i).json().get("sequence").asLong()).isEqualTo(i + 1);
		}

		Response trail = carol.get(path(id, "events"));
		assertThat(trail.status()).isEqualTo(200);
		JsonNode events = trail.json();
		assertThat(events.size()).isEqualTo(10);
		List<String> types = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			JsonNode event = events.get(i);
			types.add(event.get("type").asString());
			assertThat(event.get("sequence").asLong()).isEqualTo(i + 1);
			assertThat(event.get("recordedAt").asString())
				.isEqualTo(responses.get(i).json().get("recordedAt").asString())
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
			assertThat(event.get("actor").asString()).isEqualTo("carol");
			assertThat(event.get("actorName").asString()).isEqualTo("Carol Dubois");
			assertThat(event.get("schemaVersion").asInt())
				.as("IncidentDeclared is v3: it records its opening alert and its detection")
				.isEqualTo((i == 0) ? 3 : 1);
		}
		assertThat(types).containsExactly("IncidentDeclared", "SeverityChanged", "IncidentAcknowledged",
				"StatusChanged", "MitigationApplied", "RoleAssigned", "StatusUpdatePosted", "TimelineNoteAdded",
				"IncidentResolved", "IncidentReopened");
		JsonNode declaration = events.get(0);
		assertThat(declaration.get("source").asString()).as("the client carol signed in with")
			.isEqualTo("incident-cli");
		assertThat(declaration.get("occurredAt").asString()).isEqualTo("2026-01-01T08:05:00.123456Z");
		assertThat(declaration.get("backdated").asBoolean()).isTrue();
		assertThat(declaration.get("payload").get("impactStartedAt").asString())
			.isEqualTo("2026-01-01T08:00:00.000000Z");
		assertThat(events.get(1).get("source").asString()).isEqualTo("incident-cli");
		assertThat(events.get(1).get("backdated").asBoolean()).isFalse();

		assertThat(this.jdbc.queryForList(
				"SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index",
				Long.class, id))
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
	}

	/**
	 * Who acts is the token's subject: the headers that used to name the actor and the
	 * client change nothing, and are not validated either.
	 */
	@Test
	void theActorIsTheAuthenticatedCallerWhateverTheHeadersSay() {
		String id = this.api.declare();

		Response note = this.api.post(path(id, "notes"), "{\"note\":\"who wrote this?\"}", "X-Actor", "mallory",
				"X-Source", "Bad Source");

		assertThat(note.status()).as(note.body()).isEqualTo(200);
		JsonNode event = this.api.get(path(id, "events")).json().get(1);
		assertThat(event.get("actor").asString()).isEqualTo("alice");
		assertThat(event.get("actorName").asString()).isEqualTo("Alice Martín");
		assertThat(event.get("source").asString()).isEqualTo("incident-cli");
	}

	/**
	 * A machine's own token (client credentials) acts as the machine, through itself.
	 */
	@Test
	void automationActsAsItself() {
		String id = this.api.as("automation").declare();

		JsonNode event = this.api.get(path(id, "events")).json().get(0);
		assertThat(event.get("actor").asString()).isEqualTo("automation");
		assertThat(event.get("actorName").asString()).isEqualTo("Automation");
		assertThat(event.get("source").asString()).isEqualTo("automation");
	}

	/**
	 * RFC 8693 delegation: automation acting for a person records the person as actor and
	 * the automation as source.
	 */
	@Test
	void automationActingForAPersonRecordsThePersonAndTheAutomation() {
		String token = TestIdentity.signed(Map.of("sub", "alice", "name", "Alice Martín", "client_id", "slack-bot",
				"act", Map.of("sub", "slack-bot"), "roles", List.of("responder")));

		Response declared = this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-3","services":["checkout"]}""", "Authorization",
				"Bearer " + token);

		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		JsonNode event = this.api.get(path(declared.json().get("incidentId").asString(), "events")).json().get(0);
		assertThat(event.get("actor").asString()).isEqualTo("alice");
		assertThat(event.get("source").asString()).isEqualTo("slack-bot");
	}

	@Test
	void aResponderMayRaiseTheSeverityButOnlyACommanderMayLowerIt() {
		String id = this.api.post("/api/incidents", """
				{"title":"Search is slow","severity":"SEV-3","services":["search"]}""")
			.json()
			.get("incidentId")
			.asString();

		assertThat(this.api.post(path(id, "severity"), "{\"severity\":\"SEV-2\"}").status()).isEqualTo(200);
		Response lowered = this.api.post(path(id, "severity"), "{\"severity\":\"SEV-4\"}");
		assertThat(lowered.status()).as(lowered.body()).isEqualTo(403);
		assertThat(lowered.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(lowered.json().get("type").asString()).endsWith("/forbidden");
		assertThat(storedEvents(id)).isEqualTo(2);

		assertThat(this.api.as("carol").post(path(id, "severity"), "{\"severity\":\"SEV-4\"}").status()).isEqualTo(200);
		assertThat(storedEvents(id)).isEqualTo(3);
	}

	@Test
	void commandsJoinTheCallersTransaction() {
		String id = this.api.declare();
		this.transaction.executeWithoutResult((status) -> {
			this.commandGateway
				.sendAndWait(new AddTimelineNote(IncidentId.parse(id), "never committed", "alice", null, "api", null));
			status.setRollbackOnly();
		});
		assertThat(storedEvents(id)).isEqualTo(1);
	}

	@Test
	void anIncidentChangedInARolledBackTransactionIsNotRememberedByTheNextCommand() {
		String id = this.api.declare();
		this.transaction.executeWithoutResult((status) -> {
			this.commandGateway
				.sendAndWait(new AddTimelineNote(IncidentId.parse(id), "never committed", "alice", null, "api", null));
			status.setRollbackOnly();
		});

		Response next = this.api.post("/api/incidents/" + id + "/notes", "{\"note\":\"committed\"}");

		assertThat(next.status()).isEqualTo(200);
		assertThat(next.json().get("sequence").asLong()).as("no sequence left for the rolled-back note").isEqualTo(2);
		assertThat(storedEvents(id)).isEqualTo(2);
	}

	@Test
	void badInputIsRejectedNamingTheFieldAndStoresNothing() {
		String id = this.api.declare();
		long before = allStoredEvents();

		assertBadInput(this.api.post("/api/incidents", "{\"title\":"), "$");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-9","services":["a"]}"""), "severity");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":"checkout"}"""), "services");
		assertBadInput(this.api.post("/api/incidents", """
				{"severity":"SEV-1","services":["a"]}"""), "title");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":[" "]}"""), "services[0]");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":["a"],"occurredAt":"yesterday"}"""), "occurredAt");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":["a"],"occurredAt":"2999-01-01T00:00:00Z"}"""),
				"occurredAt");
		assertBadInput(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":["a"],"impactStartedAt":"2999-01-01T00:00:00Z"}"""),
				"impactStartedAt");
		assertBadInput(this.api.post("/api/incidents/not-a-uuid/notes", "{\"note\":\"x\"}"), "incidentId");
		assertThat(this.api.anonymous().post(path(id, "notes"), "{\"note\":\"x\"}").status()).isEqualTo(401);
		assertBadInput(this.api.post(path(id, "status"), "{\"status\":\"resolved\"}"), "status");
		assertBadInput(this.api.post(path(id, "notes"), "{\"note\":\"x\"}", "Idempotency-Key", "k".repeat(256)),
				"Idempotency-Key");

		Response unknown = this.api.post(path(UUID.randomUUID().toString(), "notes"), "{\"note\":\"x\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.api.get(path(UUID.randomUUID().toString(), "events")).status()).isEqualTo(404);

		Response sameSeverity = this.api.post(path(id, "severity"), "{\"severity\":\"SEV-1\"}");
		assertThat(sameSeverity.status()).isEqualTo(409);
		assertThat(sameSeverity.json().get("status").asInt()).isEqualTo(409);

		Response plainText = this.api.post(path(id, "notes"), MediaType.TEXT_PLAIN, "a note");
		assertThat(plainText.status()).isEqualTo(415);

		Response tooLarge = this.api.post(path(id, "notes"), "{\"note\":\"" + "x".repeat(70 * 1024) + "\"}");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("status").asInt()).isEqualTo(413);

		assertThat(allStoredEvents()).isEqualTo(before);
	}

	/**
	 * A kind of mistake reads the same wherever it is made: in a path, a query parameter,
	 * a header or a JSON body; and every mistake Spring binds together is reported at
	 * once.
	 */
	@Test
	void oneWordingPerKindOfMistakeAndEveryMistakeAtOnce() {
		String notATimestamp = "must be " + Timestamps.EXPECTED;
		assertThat(problems(this.api.post("/api/incidents/not-a-uuid/notes", "{\"note\":\"x\"}")))
			.containsEntry("incidentId", "must be a UUID");
		assertThat(problems(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-9","services":["a"]}"""))).containsEntry("severity",
				"must be one of SEV-1, SEV-2, SEV-3, SEV-4");
		assertThat(problems(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-1","services":["a"],"occurredAt":"yesterday"}""")))
			.containsEntry("occurredAt", notATimestamp);

		Map<String, String> query = problems(
				this.api.get("/api/alerts?state=burning&limit=0&incidentId=nope&since=yesterday&routed=maybe"));
		assertThat(query).containsOnlyKeys("state", "limit", "incidentId", "since", "routed")
			.containsEntry("incidentId", "must be a UUID")
			.containsEntry("since", notATimestamp)
			.containsEntry("state", "must be one of firing, acknowledged, resolved")
			.containsEntry("routed", "must be true or false");
	}

	@Test
	void resolvedIncidentRejectsNewMitigationWithConflict() {
		String id = this.api.declare();
		assertThat(this.api.as("carol").post(path(id, "resolution"), "{}").status()).isEqualTo(200);
		Response mitigation = this.api.post(path(id, "mitigations"), """
				{"kind":"failover","description":"too late"}""");
		assertThat(mitigation.status()).isEqualTo(409);
		assertThat(storedEvents(id)).isEqualTo(2);
	}

	@Test
	void secondAcknowledgementAnswersWithTheFirst() {
		String id = this.api.declare();
		Response first = this.api.post(path(id, "acknowledgements"), "{}");
		Response second = this.api.as("carol").post(path(id, "acknowledgements"), "{}");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(storedEvents(id)).isEqualTo(2);
	}

	@Test
	void retryWithTheSameIdempotencyKeyReturnsTheOriginalResponseAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		String body = """
				{"title":"Search is slow","severity":"SEV-3","services":["search"]}""";
		Response first = this.api.post("/api/incidents", body, "Idempotency-Key", key);
		Response retry = this.api.post("/api/incidents", body, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
		assertThat(storedEvents(first.json().get("incidentId").asString())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM domain_event_entry d WHERE d.payload_type = ? "
						+ "AND convert_from(d.payload, 'UTF8')::jsonb ->> 'title' = 'Search is slow'",
				Long.class, "io.incidenttimeline.events.IncidentDeclared"))
			.isEqualTo(1);

		Response otherBody = this.api.post("/api/incidents", body.replace("SEV-3", "SEV-2"), "Idempotency-Key", key);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void failedCommandStoresNoIdempotencyKey() {
		CommandApi carol = this.api.as("carol");
		String id = carol.declare();
		String key = UUID.randomUUID().toString();
		assertThat(carol.post(path(id, "severity"), "{\"severity\":\"SEV-1\"}", "Idempotency-Key", key).status())
			.isEqualTo(409);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?",
				Long.class, key))
			.isZero();
		Response fixed = carol.post(path(id, "severity"), "{\"severity\":\"SEV-2\"}", "Idempotency-Key", key);
		assertThat(fixed.status()).isEqualTo(200);
		assertThat(storedEvents(id)).isEqualTo(2);
	}

	@Test
	void concurrentRequestsWithTheSameIdempotencyKeyAppendOnce() throws Exception {
		String id = this.api.declare();
		for (int round = 0; round < 5; round++) {
			String key = UUID.randomUUID().toString();
			CyclicBarrier start = new CyclicBarrier(2);
			List<CompletableFuture<Response>> pair = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				pair.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return this.api.post(path(id, "notes"), "{\"note\":\"same note\"}", "Idempotency-Key", key);
				}));
			}
			Response one = pair.get(0).get();
			Response other = pair.get(1).get();
			assertThat(one.status()).as(one.body()).isEqualTo(200);
			assertThat(other.status()).as(other.body()).isEqualTo(200);
			assertThat(other.body()).isEqualTo(one.body());
		}
		assertThat(storedEvents(id)).isEqualTo(6);
	}

	@Test
	void openApiDocumentListsTheEndpoints() {
		Response docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		assertThat(paths.has("/api/incidents")).isTrue();
		for (String action : List.of("severity", "acknowledgements", "status", "mitigations", "roles", "updates",
				"notes", "resolution", "reopening", "events")) {
			assertThat(paths.has("/api/incidents/{incidentId}/" + action)).as(action).isTrue();
		}
		List<String> declareHeaders = new ArrayList<>();
		paths.get("/api/incidents").get("post").get("parameters").forEach((parameter) -> {
			if ("header".equals(parameter.get("in").asString())) {
				declareHeaders.add(parameter.get("name").asString());
			}
		});
		assertThat(declareHeaders).as("who acts comes from the token, not from headers")
			.containsExactly("Idempotency-Key");
		assertThat(paths.get("/api/incidents").get("post").get("parameters").toString()).doesNotContain("\"actor\"");
		JsonNode bearer = docs.json().get("components").get("securitySchemes").get("bearer");
		assertThat(bearer.get("type").asString()).isEqualTo("http");
		assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
		assertThat(docs.json().get("security").toString()).contains("bearer");
		assertThat(paths.get("/api/alerts/alertmanager").get("post").get("security").size())
			.as("webhooks take their sender's own credential")
			.isZero();
	}

	/**
	 * Actuator lives on the management port only: health, info and metrics for anyone
	 * there, nothing on the public port.
	 */
	@Test
	void actuatorExposesHealthAndPrometheusOnTheManagementPortOnly() {
		CommandApi management = new CommandApi(this.managementPort).anonymous();
		assertThat(management.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
		assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(management.get("/actuator/info").status()).isEqualTo(200);
		Response prometheus = management.get("/actuator/prometheus");
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");

		for (CommandApi client : List.of(this.api.anonymous(), this.api.as("ada"))) {
			for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator")) {
				assertThat(client.get(path).status()).as(path + " on the public port").isEqualTo(404);
			}
		}
	}

	private static void assertBadInput(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.errorFields()).as(response.body()).contains(field);
	}

	/**
	 * The problems of a 400 answer, field to message.
	 */
	private static Map<String, String> problems(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, String> problems = new LinkedHashMap<>();
		response.json()
			.get("errors")
			.forEach((error) -> problems.put(error.get("field").asString(), error.get("message").asString()));
		return problems;
	}

	private long storedEvents(String incidentId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
				Long.class, incidentId);
	}

	private long allStoredEvents() {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
	}

	private static String path(String id, String action) {
		return "/api/incidents/" + id + "/" + action;
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
