package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9 at the alert endpoints: text every view can hold and timestamps within the
 * window, refused naming the sender's own field (in PagerDuty's shape on its endpoint);
 * severities as people write them; a summary on several lines still makes a one-line
 * title.
 */
class AlertInputRulesIT extends AlertsITSupport {

	@Test
	void alertmanagerLabelWithNulIsRefusedNamingTheLabel() {
		ObjectNode payload = alertmanager("input-nul", "fp-input-nul", "critical");
		labels(payload).put("service", "input-\u0000nul");

		assertRefused(postAlertmanager(payload), "alerts[0].labels.service");
	}

	@Test
	void alertmanagerSummaryMaySpanLinesAndMakesAOneLineTitle() {
		ObjectNode payload = alertmanager("input-lines", "fp-input-lines", "critical");
		labels(payload).remove("alertname");
		annotations(payload).put("summary", "Checkout is down\nsince the 10:02 deploy");

		Response response = postAlertmanager(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String incidentId = response.json().get("alerts").get(0).get("incidentId").asString();
		JsonNode events = events(incidentId);
		assertThat(events.get(0).get("payload").get("title").asString())
			.isEqualTo("Checkout is down since the 10:02 deploy");
		assertThat(events.get(1).get("payload").get("summary").asString())
			.isEqualTo("Checkout is down\nsince the 10:02 deploy");
	}

	@Test
	void alertmanagerAnnotationWithAControlCharacterIsRefused() {
		ObjectNode payload = alertmanager("input-bell", "fp-input-bell", "critical");
		annotations(payload).put("description", "ding\u0007");

		assertRefused(postAlertmanager(payload), "alerts[0].annotations.description");
	}

	@Test
	void alertmanagerStartsAtOutsideTheWindowIsRefusedNamingIt() {
		ObjectNode ancient = alertmanager("input-ancient", "fp-input-ancient", "critical");
		alert(ancient).put("startsAt", "1970-01-01T00:00:00Z");
		ObjectNode future = alertmanager("input-future", "fp-input-future", "critical");
		alert(future).put("startsAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());

		assertRefused(postAlertmanager(ancient), "alerts[0].startsAt");
		assertRefused(postAlertmanager(future), "alerts[0].startsAt");
	}

	@Test
	void alertWithAnUnknownSeverityDeclaresAWarningIncident() {
		Response response = postAlertmanager(alertmanager("input-bogus", "fp-input-bogus", "bogus"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode receipt = response.json().get("alerts").get(0);
		assertThat(receipt.get("result").asString()).isEqualTo("RECORDED");
		assertThat(events(receipt.get("incidentId").asString()).get(0).get("payload").get("severity").asString())
			.isEqualTo("SEV-3");
	}

	@Test
	void pagerDutySummaryWithNulIsRefusedInPagerDutysShape() {
		ObjectNode event = PagerDutyContractIT.trigger(routingKey(15), "input-nul", "input-pd-nul");
		PagerDutyContractIT.payload(event).put("summary", "DISK at 99%\u0000");

		assertPagerDutyRefused(event, "'payload.summary'");
	}

	@Test
	void pagerDutyTimestampOutsideTheWindowIsRefusedInPagerDutysShape() {
		ObjectNode event = PagerDutyContractIT.trigger(routingKey(15), "input-1999", "input-pd-1999");
		PagerDutyContractIT.payload(event).put("timestamp", "1999-12-31T23:59:59.000+0000");

		assertPagerDutyRefused(event, "'payload.timestamp'");
	}

	@Test
	void cloudEventTimeOutsideTheWindowIsRefusedNamingTheAttribute() {
		String future = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		Response binary = send(HttpMethod.POST, "/api/alerts/cloudevents", MediaType.APPLICATION_JSON,
				"{\"key\":\"k\",\"summary\":\"s\"}".getBytes(StandardCharsets.UTF_8), "Authorization",
				"Bearer " + CE_TOKEN, "ce-specversion", "1.0", "ce-id", "input-1", "ce-source", "//input", "ce-type",
				"io.incidenttimeline.alert.triggered.v1", "ce-time", future);
		Response structured = send(HttpMethod.POST, "/api/alerts/cloudevents", CloudEventsIT.STRUCTURED, """
				{"specversion":"1.0","id":"input-2","source":"//input","type":"io.incidenttimeline.alert.triggered.v1",
				 "time":"1990-01-01T00:00:00Z","data":{"key":"k","summary":"s"}}""".getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN);

		assertRefused(binary, "ce-time");
		assertRefused(structured, "time");
	}

	@Test
	void cloudEventSeverityMayBeWrittenAsPeopleWriteIt() {
		Response response = send(HttpMethod.POST, "/api/alerts/cloudevents", MediaType.APPLICATION_JSON,
				"{\"key\":\"k\",\"summary\":\"orders down\",\"severity\":\"P1\",\"service\":\"input-p1\"}"
					.getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN, "ce-specversion", "1.0", "ce-id", "input-3", "ce-source",
				"//input", "ce-type", "io.incidenttimeline.alert.triggered.v1");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String incidentId = response.json().get("alerts").get(0).get("incidentId").asString();
		assertThat(events(incidentId).get(0).get("payload").get("severity").asString()).isEqualTo("SEV-1");
	}

	private ObjectNode alertmanager(String service, String fingerprint, String severity) {
		ObjectNode payload = (ObjectNode) JSON.readTree(resource("alertmanager-0.25-firing.json"));
		labels(payload).put("service", service).put("severity", severity);
		alert(payload).put("fingerprint", fingerprint)
			.put("startsAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
		payload.put("groupKey", "{}:{service=\"" + service + "\"}");
		return payload;
	}

	private static ObjectNode alert(ObjectNode payload) {
		return (ObjectNode) payload.get("alerts").get(0);
	}

	private static ObjectNode labels(ObjectNode payload) {
		return (ObjectNode) alert(payload).get("labels");
	}

	private static ObjectNode annotations(ObjectNode payload) {
		return (ObjectNode) alert(payload).get("annotations");
	}

	private Response postAlertmanager(ObjectNode payload) {
		return post("/api/alerts/alertmanager", payload.toString(), "Authorization", "Bearer " + AM_TOKEN);
	}

	private void assertRefused(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).as(response.body()).containsExactly(field);
	}

	private void assertPagerDutyRefused(ObjectNode event, String field) {
		long before = writes();
		Response response = post("/v2/enqueue", event.toString());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("status").asString()).isEqualTo("invalid event");
		List<String> errors = new ArrayList<>();
		response.json().get("errors").forEach((error) -> errors.add(error.asString()));
		assertThat(errors).as(response.body()).anyMatch((error) -> error.startsWith(field));
		assertThat(writes()).isEqualTo(before);
	}

}
