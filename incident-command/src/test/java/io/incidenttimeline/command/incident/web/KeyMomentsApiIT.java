package io.incidenttimeline.command.incident.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.events.Timestamps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 over HTTP: a declaration states when and how the problem was detected, and a
 * commander corrects a key moment; bad input is a 400 naming the field, a state that does
 * not allow it a 409, both problem JSON, and neither stores anything.
 */
@CommandServiceIT
class KeyMomentsApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CommandApi api;

	CommandApi carol;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
		this.carol = this.api.as("carol");
	}

	@Test
	void aDeclarationStatesWhenAndHowTheProblemWasDetected() {
		Instant declared = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
		Response response = this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-2","services":["checkout"],
				 "impactStartedAt":"%s","detectedAt":"%s","detectionMethod":"dashboard","occurredAt":"%s"}"""
			.formatted(declared.minusSeconds(600), declared.minusSeconds(60), declared));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode payload = events(response.json().get("incidentId").asString()).get(0).get("payload");
		assertThat(payload.get("detectedAt").asString()).isEqualTo(Timestamps.format(declared.minusSeconds(60)));
		assertThat(payload.get("detectionMethod").asString()).isEqualTo("dashboard");
	}

	@Test
	void badDetectionIsRejectedNamingTheField() {
		long before = allStoredEvents();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Response method = declare("\"detectionMethod\":\"pager\"");
		assertBadInput(method, "detectionMethod");
		assertThat(method.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must be one of alert, user_report, synthetic_check, dashboard, other");
		assertBadInput(declare("\"detectedAt\":\"yesterday\""), "detectedAt");
		assertBadInput(declare(
				"\"detectedAt\":\"%s\",\"occurredAt\":\"%s\"".formatted(now.minusSeconds(10), now.minusSeconds(20))),
				"detectedAt");
		assertBadInput(declare("\"detectedAt\":\"%s\",\"impactStartedAt\":\"%s\"".formatted(now.minusSeconds(20),
				now.minusSeconds(10))), "detectedAt");

		assertThat(allStoredEvents()).isEqualTo(before);
	}

	@Test
	void aCommanderCorrectsAKeyMomentAndTheCorrectionIsOnTheRecord() {
		String id = this.api.declare();
		String earlier = Timestamps.format(Instant.now().minusSeconds(3600));

		Response corrected = this.carol.post(path(id), """
				{"moment":"impact_started","correctedTo":"%s","reason":"error logs show failures\\nfrom an hour ago"}"""
			.formatted(earlier));

		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("sequence").asLong()).isEqualTo(2);
		JsonNode event = events(id).get(1);
		assertThat(event.get("type").asString()).isEqualTo("KeyMomentCorrected");
		assertThat(event.get("actor").asString()).isEqualTo("carol");
		assertThat(event.get("payload").get("moment").asString()).isEqualTo("impact_started");
		assertThat(event.get("payload").get("correctedTo").asString()).isEqualTo(earlier);
		assertThat(event.get("payload").get("reason").asString())
			.isEqualTo("error logs show failures\nfrom an hour ago");
	}

	@Test
	void aResponderMayNotCorrect() {
		String id = this.api.declare();

		Response refused = this.api.post(path(id), """
				{"moment":"impact_started","correctedTo":"2025-01-01T00:00:00Z","reason":"earlier"}""");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(storedEvents(id)).isEqualTo(1);
	}

	@Test
	void badCorrectionsAreRejectedNamingTheFieldAndStoreNothing() {
		String id = this.api.declare();

		assertBadInput(this.carol.post(path(id), """
				{"moment":"impact_started","correctedTo":"2025-01-01T00:00:00Z"}"""), "reason");
		assertBadInput(this.carol.post(path(id), """
				{"moment":"declared","correctedTo":"2025-01-01T00:00:00Z","reason":"x"}"""), "moment");
		assertBadInput(this.carol.post(path(id), """
				{"moment":"impact_started","reason":"x"}"""), "correctedTo");
		assertBadInput(this.carol.post(path(id), """
				{"moment":"impact_started","correctedTo":"2999-01-01T00:00:00Z","reason":"x"}"""), "correctedTo");
		assertBadInput(this.carol.post(path(id), """
				{"moment":"detected","correctedTo":"2025-01-01T00:00:00Z","reason":"x"}"""), "correctedTo");
		assertBadInput(this.carol.post(path(id),
				"""
						{"moment":"impact_started","correctedTo":"2025-01-01T00:00:00Z","reason":"x","occurredAt":"2025-01-01T00:00:00Z"}"""),
				"occurredAt");

		assertThat(storedEvents(id)).isEqualTo(1);
	}

	@Test
	void correctingWhatNeverHappenedOrToTheSameValueIsAConflict() {
		String id = this.api.declare();
		String impact = events(id).get(0).get("payload").get("impactStartedAt").asString();

		Response never = this.carol.post(path(id), """
				{"moment":"acknowledged","correctedTo":"2025-01-01T00:00:00Z","reason":"x"}""");
		Response same = this.carol.post(path(id), """
				{"moment":"impact_started","correctedTo":"%s","reason":"x"}""".formatted(impact));

		assertThat(never.status()).isEqualTo(409);
		assertThat(never.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(never.json().get("detail").asString()).isEqualTo("the incident was never acknowledged");
		assertThat(same.status()).isEqualTo(409);
		assertThat(storedEvents(id)).isEqualTo(1);
	}

	@Test
	void aRetriedCorrectionIsRecordedOnce() {
		String id = this.api.declare();
		String key = UUID.randomUUID().toString();
		String body = """
				{"moment":"impact_started","correctedTo":"2025-01-01T00:00:00Z","reason":"x"}""";

		Response first = this.carol.post(path(id), body, "Idempotency-Key", key);
		Response retry = this.carol.post(path(id), body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(storedEvents(id)).isEqualTo(2);
	}

	private Response declare(String extraFields) {
		return this.api.post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-2","services":["checkout"],%s}""".formatted(extraFields));
	}

	private JsonNode events(String id) {
		return this.api.get("/api/incidents/" + id + "/events").json();
	}

	private static String path(String id) {
		return "/api/incidents/" + id + "/corrections";
	}

	private long storedEvents(String incidentId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
				Long.class, incidentId);
	}

	private long allStoredEvents() {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
	}

	static void assertBadInput(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.errorFields()).as(response.body()).contains(field);
	}

}
