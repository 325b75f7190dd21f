package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts as CloudEvents over HTTP, in binary and structured mode.
 */
class CloudEventsIT extends AlertsITSupport {

	static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");

	@Test
	void binaryTriggerAndStructuredResolveMakeAnIncidentsTimeline() {
		Response triggered = send(HttpMethod.POST, "/api/alerts/cloudevents", MediaType.APPLICATION_JSON,
				"""
						{"key":"queue-depth","summary":"orders queue is backing up","severity":"error","service":"orders",
						 "labels":{"queue":"orders"},"link":"https://monitor.example/queues/orders"}"""
					.getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN, "ce-specversion", "1.0", "ce-id", "e-1", "ce-source",
				"//monitor.example/queues", "ce-type", "io.incidenttimeline.alert.triggered.v1", "ce-time",
				"2026-11-23T03:00:00Z");

		assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
		String incidentId = triggered.json().get("alerts").get(0).get("incidentId").asString();
		assertThat(events(incidentId).get(1).get("payload").get("firedAt").asString())
			.isEqualTo("2026-11-23T03:00:00.000000Z");
		assertThat(events(incidentId).get(0).get("payload").get("severity").asString()).isEqualTo("SEV-2");

		Response resolved = send(HttpMethod.POST, "/api/alerts/cloudevents", STRUCTURED, """
				{"specversion":"1.0","id":"e-2","source":"//monitor.example/queues",
				 "type":"io.incidenttimeline.alert.resolved.v1","time":"2026-11-23T03:10:00Z",
				 "datacontenttype":"application/json","data":{"key":"queue-depth"}}""".getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN);

		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertResolved",
				"IncidentResolved");
		assertThat(events(incidentId).get(2).get("payload").get("resolvedAt").asString())
			.isEqualTo("2026-11-23T03:10:00.000000Z");
	}

	@Test
	void unknownTypeIsRejectedNamingTheAttribute() {
		long before = writes();
		Response response = send(HttpMethod.POST, "/api/alerts/cloudevents", MediaType.APPLICATION_JSON,
				"{\"key\":\"k\",\"summary\":\"s\"}".getBytes(StandardCharsets.UTF_8), "Authorization",
				"Bearer " + CE_TOKEN, "ce-specversion", "1.0", "ce-id", "e-3", "ce-source", "//x", "ce-type",
				"com.example.something");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("ce-type");
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void batchModeIsRejected() {
		Response response = send(HttpMethod.POST, "/api/alerts/cloudevents",
				MediaType.parseMediaType("application/cloudevents-batch+json"), "[]".getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
	}

	@Test
	void missingOrWrongTokenIsRefused() {
		long before = writes();
		byte[] body = """
				{"specversion":"1.0","id":"e-4","source":"//x","type":"io.incidenttimeline.alert.triggered.v1",
				 "data":{"key":"k","summary":"s","severity":"critical"}}""".getBytes(StandardCharsets.UTF_8);

		assertThat(send(HttpMethod.POST, "/api/alerts/cloudevents", STRUCTURED, body).status()).isEqualTo(401);
		assertThat(send(HttpMethod.POST, "/api/alerts/cloudevents", STRUCTURED, body, "Authorization",
				"Bearer " + CE_TOKEN + "x")
			.status()).isEqualTo(401);
		assertThat(writes()).isEqualTo(before);
	}

}
