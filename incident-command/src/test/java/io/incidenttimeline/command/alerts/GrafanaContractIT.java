package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grafana alerting's webhook contact point with an HMAC secret and a timestamp header,
 * fed with the payload from Grafana's documentation.
 */
class GrafanaContractIT extends AlertsITSupport {

	static final String SIGNATURE = "X-Grafana-Alerting-Signature";

	static final String TIMESTAMP = "X-Grafana-Alerting-Signature-Timestamp";

	/**
	 * The documented alerts carry no severity label: they count as warnings, which the
	 * default rules declare (before issue #9 no rule took them and they stayed unrouted).
	 */
	@Test
	void documentedPayloadWithoutSeveritiesIsAcceptedAndDeclaredAsAWarning() {
		byte[] body = resource("grafana-firing.json").getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(Instant.now().getEpochSecond());

		Response response = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(timestamp, body), TIMESTAMP, timestamp);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("alerts").size()).isEqualTo(2);
		assertThat(response.json().get("alerts").get(0).get("result").asString()).isEqualTo("RECORDED");
		String incidentId = response.json().get("alerts").get(0).get("incidentId").asString();
		assertThat(events(incidentId).get(0).get("payload").get("severity").asString()).isEqualTo("SEV-3");
		JsonNode routed = get("/api/alerts?integration=grafana&routed=true").json();
		java.util.Map<String, JsonNode> byKey = new java.util.HashMap<>();
		routed.forEach((receipt) -> byKey.put(receipt.get("alertKey").asString(), receipt));
		assertThat(byKey).containsKeys("c6eadffa33fcdf37", "bc97ff14869b13e3");
		JsonNode memory = byKey.get("c6eadffa33fcdf37");
		assertThat(memory.get("firedAt").asString()).isEqualTo("2021-10-12T07:51:03.157076Z");
		assertThat(memory.get("summary").asString()).isEqualTo("This alert was triggered for zone us-1");
	}

	@Test
	void signedPutWithASeverityDeclaresAnIncident() {
		byte[] body = critical("grafana-put", "fp-put-1");
		String timestamp = String.valueOf(Instant.now().getEpochSecond());

		Response response = send(HttpMethod.PUT, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(timestamp, body), TIMESTAMP, timestamp);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String incidentId = response.json().get("alerts").get(0).get("incidentId").asString();
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");
		assertThat(events(incidentId).get(1).get("actor").asString()).isEqualTo("grafana");
	}

	@Test
	void wrongSignatureIsRefusedAndStoresNothing() {
		byte[] body = critical("grafana-bad", "fp-bad-1");
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		long before = writes();

		Response tampered = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(timestamp, critical("grafana-bad", "fp-other")), TIMESTAMP, timestamp);
		Response wrongSecret = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				Credentials.hmacSha256Hex("guess", (timestamp + ":").getBytes(StandardCharsets.UTF_8), body), TIMESTAMP,
				timestamp);
		Response bodyOnly = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				Credentials.hmacSha256Hex(GRAFANA_SECRET, body), TIMESTAMP, timestamp);
		Response unsigned = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body);

		for (Response response : new Response[] { tampered, wrongSecret, bodyOnly, unsigned }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		}
		assertThat(writes()).isEqualTo(before);
	}

	/**
	 * The signed timestamp is required (Grafana's default header name, no configuration
	 * needed), and a correctly signed request more than five minutes off our clock is a
	 * replay: refused, nothing stored.
	 */
	@Test
	void staleFutureOrMissingTimestampIsRefusedAsAReplay() {
		byte[] body = critical("grafana-replay", "fp-replay-1");
		String old = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
		String ahead = String.valueOf(Instant.now().plusSeconds(301).getEpochSecond());
		long before = writes();

		Response stale = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(old, body), TIMESTAMP, old);
		Response future = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(ahead, body), TIMESTAMP, ahead);
		Response missing = send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				Credentials.hmacSha256Hex(GRAFANA_SECRET, body));

		for (Response response : new Response[] { stale, future, missing }) {
			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.json().get("detail").asString()).contains(TIMESTAMP);
		}
		assertThat(writes()).isEqualTo(before);

		String now = String.valueOf(Instant.now().getEpochSecond());
		assertThat(send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body, SIGNATURE,
				sign(now, body), TIMESTAMP, now)
			.status()).as("the same request signed now").isEqualTo(200);
	}

	static String sign(String timestamp, byte[] body) {
		return Credentials.hmacSha256Hex(GRAFANA_SECRET, (timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
	}

	/**
	 * The documented payload with its first alert made critical for a service of its own.
	 */
	static byte[] critical(String service, String fingerprint) {
		ObjectNode payload = (ObjectNode) JSON.readTree(resource("grafana-firing.json"));
		ObjectNode alert = (ObjectNode) payload.get("alerts").get(0);
		((ObjectNode) alert.get("labels")).put("severity", "critical").put("service", service);
		alert.put("fingerprint", fingerprint);
		payload.set("alerts", JSON.createArrayNode().add(alert));
		return payload.toString().getBytes(StandardCharsets.UTF_8);
	}

}
