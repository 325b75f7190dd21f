package io.incidenttimeline.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.incidenttimeline.command.CommandApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases measured in issue #9 ("Every accepted fact reaches every view"), each as
 * measured against the command API: every one was accepted and stored before, and each
 * stored fact froze a view or made a metric lie. Now each is refused with a 400 naming
 * the field, and nothing is stored. Case 7 (PostgreSQL down) is {@code DatabaseOutageIT};
 * case 8 also runs through a real Alertmanager in {@code AlertmanagerIT}.
 */
@CommandServiceIT
class MeasuredCasesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	@Test
	void case1DuplicateServicesAreRejectedNamingTheSecond() {
		long before = storedEvents();

		Response response = this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-2","services":["checkout","checkout"]}""");

		assertThat(problems(response)).containsOnlyKeys("services[1]");
		assertThat(problems(response).get("services[1]")).contains("must be unique");
		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void case2NulInAPublicStatusUpdateIsRejectedNamingBody() {
		String id = this.api.declare();
		long before = storedEvents();

		Response response = this.api.post(path(id, "updates"), """
				{"visibility":"public","body":"We are on it\\u0000"}""");

		assertThat(problems(response)).containsOnlyKeys("body");
		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void case3ImpactStartInTheYear226IsRejected() {
		long before = storedEvents();

		Response response = this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-2","services":["checkout"],
				 "impactStartedAt":"0226-11-23T09:58:30Z"}""");

		assertThat(problems(response)).containsOnlyKeys("impactStartedAt");
		assertThat(problems(response).get("impactStartedAt")).contains("must not be before 2000-01-01");
		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void case4MisspeltOccurredAtIsRejectedNamingTheUnknownField() {
		String id = this.api.declare();
		long before = storedEvents();

		Response response = this.api.post(path(id, "notes"), """
				{"note":"Error rate back under 0.1%","occuredAt":"2026-12-01T09:00:00Z"}""");

		assertThat(problems(response)).containsExactly(Map.entry("occuredAt", "is not a known field"));
		assertThat(storedEvents()).isEqualTo(before);
		assertThat(problems(this.api.post("/api/incidents", """
				{"title":"x","severity":"SEV-2","services":["a"],"comander":"alice"}"""))).containsOnlyKeys("comander");
	}

	@Test
	void case5FiveThousandServicesAreRejected() {
		String services = IntStream.range(0, 5000).mapToObj((i) -> "\"s" + i + "\"").collect(Collectors.joining(","));
		long before = storedEvents();

		Response response = this.api.post("/api/incidents", """
				{"title":"Everything fails","severity":"SEV-1","services":[%s]}""".formatted(services));

		assertThat(problems(response)).containsOnlyKeys("services");
		assertThat(problems(response).get("services")).contains("at most 20");
		assertThat(storedEvents()).isEqualTo(before);
	}

	/**
	 * MTTA is the first acknowledgement minus the detection: an acknowledgement backdated
	 * before the detection made it negative.
	 */
	@Test
	void case6AcknowledgementBeforeDetectionIsRejected() {
		Instant declaredAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String id = declareAt(declaredAt);
		long before = storedEvents();

		Response early = this.api.post(path(id, "acknowledgements"), """
				{"occurredAt":"%s"}""".formatted(declaredAt.minusSeconds(120)));

		assertThat(problems(early)).containsOnlyKeys("occurredAt");
		assertThat(problems(early).get("occurredAt")).contains("before the incident was detected");
		assertThat(storedEvents()).isEqualTo(before);
		assertThat(this.api.post(path(id, "acknowledgements"), """
				{"occurredAt":"%s"}""".formatted(declaredAt.plusSeconds(60))).status()).isEqualTo(200);
	}

	@Test
	void case6ResolutionBeforeTheDeclarationIsRejected() {
		Instant declaredAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String id = declareAt(declaredAt);
		long before = storedEvents();

		Response early = this.api.as("carol").post(path(id, "resolution"), """
				{"summary":"rolled back","occurredAt":"%s"}""".formatted(declaredAt.minusSeconds(60)));

		assertThat(problems(early)).containsOnlyKeys("occurredAt");
		assertThat(problems(early).get("occurredAt")).contains("before the incident was declared");
		assertThat(storedEvents()).isEqualTo(before);
	}

	/**
	 * A real Prometheus rule labelled {@code severity: page} used to be stored unrouted
	 * and open no incident under the default rules.
	 */
	@Test
	void case8AlertmanagerPageSeverityDeclaresASev1() {
		String service = "measured-page-" + UUID.randomUUID().toString().substring(0, 8);
		String payload = """
				{"receiver":"timeline","status":"firing","alerts":[{"status":"firing",
				  "labels":{"alertname":"CheckoutDown","service":"%s","severity":"page"},
				  "annotations":{"summary":"checkout is down"},"startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",
				  "generatorURL":"http://prometheus.example/graph","fingerprint":"%s"}],
				 "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093",
				 "version":"4","groupKey":"{}:{service=\\"%s\\"}","truncatedAlerts":0}""".formatted(service,
				Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS), service, service);

		Response response = this.api.post("/api/alerts/alertmanager", payload, "Authorization",
				"Bearer local-alertmanager-token");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode receipt = response.json().get("alerts").get(0);
		assertThat(receipt.get("result").asString()).isEqualTo("RECORDED");
		JsonNode events = this.api.get(path(receipt.get("incidentId").asString(), "events")).json();
		assertThat(events.get(0).get("payload").get("severity").asString()).isEqualTo("SEV-1");
		assertThat(events.get(1).get("payload").get("alertSeverity").asString()).as("the sender's own spelling")
			.isEqualTo("page");
	}

	private String declareAt(Instant declaredAt) {
		Response declared = this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-2","services":["checkout"],
				 "impactStartedAt":"%s","occurredAt":"%s"}""".formatted(declaredAt.minusSeconds(600), declaredAt));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.json().get("incidentId").asString();
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

	private long storedEvents() {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
	}

	private static String path(String id, String action) {
		return "/api/incidents/" + id + "/" + action;
	}

}
