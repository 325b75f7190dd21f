package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.incidenttimeline.command.TestIdentity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the open-incident table, the receipts query, and duplicates racing each
 * other.
 */
class AlertRoutingIT extends AlertsITSupport {

	@Test
	void alertAfterAPersonResolvedTheIncidentOpensANewOne() {
		String first = incidentOf(trigger("routing-a", "key-1", "critical"));
		assertThat(post("/api/incidents/" + first + "/resolution", "{\"summary\":\"fixed\"}", "Authorization",
				TestIdentity.bearer("carol"))
			.status()).isEqualTo(200);

		String second = incidentOf(trigger("routing-a", "key-2", "critical"));

		assertThat(second).isNotEqualTo(first);
		assertThat(eventTypes(first)).containsExactly("IncidentDeclared", "AlertTriggered", "IncidentResolved");
		assertThat(eventTypes(second)).containsExactly("IncidentDeclared", "AlertTriggered");
	}

	@Test
	void reopenedIncidentTakesAlertsAgain() {
		String incident = incidentOf(trigger("routing-b", "key-1", "critical"));
		post("/api/incidents/" + incident + "/resolution", "{}", "Authorization", TestIdentity.bearer("carol"));
		assertThat(post("/api/incidents/" + incident + "/reopening", "{\"reason\":\"back\"}", "Authorization",
				TestIdentity.bearer("carol"))
			.status()).isEqualTo(200);

		assertThat(incidentOf(trigger("routing-b", "key-2", "error")))

			.isEqualTo(incident);
	}

	@Test
	void infoAlertOnlyJoinsAnOpenIncidentAndIsKeptOtherwise() {
		Response alone = trigger("routing-c", "info-1", "info");
		assertThat(alone.json().get("alerts").get(0).get("result").asString()).isEqualTo("UNROUTED");
		assertThat(get("/api/alerts?service=routing-c&routed=false").json().size()).isEqualTo(1);

		String incident = incidentOf(trigger("routing-c", "crit-1", "critical"));
		assertThat(incidentOf(trigger("routing-c", "info-2", "info"))).isEqualTo(incident);
		assertThat(eventTypes(incident)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertTriggered");
	}

	@Test
	void concurrentDuplicatesAreRecordedOnce() throws Exception {
		int senders = 6;
		CyclicBarrier start = new CyclicBarrier(senders);
		List<CompletableFuture<Response>> responses = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			responses.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return trigger("routing-d", "same", "critical");
			}));
		}
		for (CompletableFuture<Response> response : responses) {
			assertThat(response.get().status()).isEqualTo(200);
		}

		JsonNode receipts = get("/api/alerts?service=routing-d").json();
		assertThat(receipts.size()).isEqualTo(1);
		assertThat(receipts.get(0).get("repeatCount").asInt()).isEqualTo(senders - 1);
		assertThat(eventTypes(receipts.get(0).get("incidentId").asString())).containsExactly("IncidentDeclared",
				"AlertTriggered");
	}

	@Test
	void receiptQueryRejectsBadFilters() {
		for (String query : List.of("state=burning", "limit=0", "limit=5000", "incidentId=nope", "since=yesterday",
				"routed=maybe")) {
			Response response = get("/api/alerts?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(query).isTrue();
		}
	}

	private Response trigger(String service, String key, String severity) {
		Response response = send(HttpMethod.POST, "/api/alerts/cloudevents", MediaType.APPLICATION_JSON,
				"""
						{"key":"%s","summary":"%s is failing","severity":"%s","service":"%s"}"""
					.formatted(key, service, severity, service)
					.getBytes(StandardCharsets.UTF_8),
				"Authorization", "Bearer " + CE_TOKEN, "ce-specversion", "1.0", "ce-id", key, "ce-source",
				"//routing-it/" + service, "ce-type", "io.incidenttimeline.alert.triggered.v1");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static String incidentOf(Response response) {
		return response.json().get("alerts").get(0).get("incidentId").asString();
	}

}
