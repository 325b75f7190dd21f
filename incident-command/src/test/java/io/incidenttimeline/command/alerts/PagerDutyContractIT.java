package io.incidenttimeline.command.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.incidenttimeline.command.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Events API v2 contract, from PagerDuty's documented example events: what a sender
 * gets back and what lands on the timeline.
 */
class PagerDutyContractIT extends AlertsITSupport {

	@Test
	void documentedTriggerDeclaresAnIncidentAndAnswersLikePagerDuty() {
		Response response = enqueue(trigger(routingKey(1), "disk-1", "mysql-a"));

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		JsonNode body = response.json();
		assertThat(body.get("status").asString()).isEqualTo("success");
		assertThat(body.get("message").asString()).isEqualTo("Event processed");
		assertThat(body.get("dedup_key").asString()).isEqualTo("disk-1");
		assertThat(body.has("errors")).isFalse();

		String incidentId = incidentOf("mysql-a");
		JsonNode events = events(incidentId);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");
		JsonNode declared = events.get(0).get("payload");
		assertThat(declared.get("title").asString()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
		assertThat(declared.get("severity").asString()).isEqualTo("SEV-1");
		assertThat(declared.get("services").get(0).asString()).isEqualTo("mysql-a");
		assertThat(declared.get("impactStartedAt").asString()).isEqualTo("2015-07-17T08:42:58.315000Z");
		JsonNode triggered = events.get(1);
		assertThat(triggered.get("actor").asString()).isEqualTo("pagerduty");
		assertThat(triggered.get("payload").get("alertKey").asString()).isEqualTo("disk-1");
		assertThat(triggered.get("payload").get("firedAt").asString()).isEqualTo("2015-07-17T08:42:58.315000Z");
		assertThat(triggered.get("payload").get("labels").get("source").asString())
			.isEqualTo("prod-datapipe03.example.com");
	}

	@Test
	void retriedTriggerIsRecordedOnceAndCountedAsARepeat() {
		ObjectNode trigger = trigger(routingKey(2), "disk-2", "mysql-b");
		assertThat(enqueue(trigger).status()).isEqualTo(202);
		assertThat(enqueue(trigger).status()).isEqualTo(202);
		Response third = enqueue(trigger);

		assertThat(third.status()).isEqualTo(202);
		assertThat(third.json().get("dedup_key").asString()).isEqualTo("disk-2");
		String incidentId = incidentOf("mysql-b");
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");
		assertThat(get("/api/alerts?integration=pagerduty&service=mysql-b").json().get(0).get("repeatCount").asInt())
			.isEqualTo(2);
	}

	@Test
	void documentedAcknowledgeAndResolveFollowTheTriggerAndResolveTheIncidentItOpened() {
		assertThat(enqueue(trigger(routingKey(3), "disk-3", "mysql-c")).status()).isEqualTo(202);
		String incidentId = incidentOf("mysql-c");

		Response acknowledged = enqueue(other("pagerduty-acknowledge.json", routingKey(3), "disk-3"));
		Response resolved = enqueue(other("pagerduty-resolve.json", routingKey(3), "disk-3"));
		Response resolvedAgain = enqueue(other("pagerduty-resolve.json", routingKey(3), "disk-3"));

		assertThat(List.of(acknowledged.status(), resolved.status(), resolvedAgain.status())).containsOnly(202);
		assertThat(resolved.json().get("dedup_key").asString()).isEqualTo("disk-3");
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertAcknowledged",
				"AlertResolved", "IncidentResolved");
	}

	@Test
	void resolveLeavesTheIncidentOpenOnceAPersonActed() {
		assertThat(enqueue(trigger(routingKey(4), "disk-4", "mysql-d")).status()).isEqualTo(202);
		String incidentId = incidentOf("mysql-d");
		assertThat(post("/api/incidents/" + incidentId + "/notes", "{\"note\":\"looking into it\"}", "Authorization",
				TestIdentity.bearer("alice"))
			.status()).isEqualTo(200);

		assertThat(enqueue(other("pagerduty-resolve.json", routingKey(4), "disk-4")).status()).isEqualTo(202);

		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "TimelineNoteAdded",
				"AlertResolved");
	}

	@Test
	void triggerAfterResolveFiresAgainOnANewIncident() {
		assertThat(enqueue(trigger(routingKey(4), "disk-5", "mysql-e")).status()).isEqualTo(202);
		String first = incidentOf("mysql-e");
		assertThat(enqueue(other("pagerduty-resolve.json", routingKey(4), "disk-5")).status()).isEqualTo(202);

		assertThat(enqueue(trigger(routingKey(4), "disk-5", "mysql-e")).status()).isEqualTo(202);

		String second = incidentOf("mysql-e");
		assertThat(second).isNotEqualTo(first);
		assertThat(eventTypes(second)).containsExactly("IncidentDeclared", "AlertTriggered");
	}

	@Test
	void sameDedupKeyFromTwoRoutingKeysIsOneAlertOnTheIncident() {
		assertThat(enqueue(trigger(routingKey(5), "shared-key", "mysql-g")).status()).isEqualTo(202);
		assertThat(enqueue(trigger(routingKey(6), "shared-key", "mysql-g")).status()).isEqualTo(202);
		String incidentId = incidentOf("mysql-g");

		assertThat(enqueue(other("pagerduty-resolve.json", routingKey(6), "shared-key")).status()).isEqualTo(202);

		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertResolved",
				"IncidentResolved");
	}

	@Test
	void triggerWithoutDedupKeyGetsOneGenerated() {
		ObjectNode trigger = trigger(routingKey(5), "unused", "mysql-f");
		trigger.remove("dedup_key");

		Response response = enqueue(trigger);

		assertThat(response.status()).isEqualTo(202);
		String dedupKey = response.json().get("dedup_key").asString();
		assertThat(dedupKey).matches("[0-9a-f]{32}");
		assertThat(events(incidentOf("mysql-f")).get(1).get("payload").get("alertKey").asString()).isEqualTo(dedupKey);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unauthorized")
	void unknownRoutingKeyIsRefusedAndStoresNothing(String name, Consumer<ObjectNode> mutation) {
		ObjectNode trigger = trigger(routingKey(6), "disk-401", "mysql-401");
		mutation.accept(trigger);
		long before = writes();

		Response response = enqueue(trigger);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("status").asString()).isEqualTo("invalid event");
		assertThat(response.json().get("errors").get(0).asString()).isEqualTo("Invalid routing key");
		assertThat(writes()).isEqualTo(before);
	}

	static Stream<Arguments> unauthorized() {
		return Stream.of(Arguments.of("unknown key", mutation((n) -> n.put("routing_key", "samplekeyhere"))),
				Arguments.of("missing key", mutation((n) -> n.remove("routing_key"))),
				Arguments.of("key as a number", mutation((n) -> n.put("routing_key", 42))), Arguments
					.of("configured key with a suffix", mutation((n) -> n.put("routing_key", routingKey(6) + "x"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void invalidEventIsAnsweredWithPagerDutysErrorsAndStoresNothing(String name, Consumer<ObjectNode> mutation,
			String error) {
		ObjectNode trigger = trigger(routingKey(7), "disk-400", "mysql-400");
		mutation.accept(trigger);
		long before = writes();

		Response response = enqueue(trigger);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("status").asString()).isEqualTo("invalid event");
		assertThat(response.json().get("message").asString()).isEqualTo("Event object is invalid");
		List<String> errors = new ArrayList<>();
		response.json().get("errors").forEach((e) -> errors.add(e.asString()));
		assertThat(errors).anyMatch((e) -> e.contains(error));
		assertThat(writes()).isEqualTo(before);
	}

	static Stream<Arguments> invalid() {
		return Stream.of(
				Arguments.of("missing event_action", mutation((n) -> n.remove("event_action")), "event_action"),
				Arguments.of("unknown event_action", mutation((n) -> n.put("event_action", "escalate")),
						"event_action"),
				Arguments.of("missing payload", mutation((n) -> n.remove("payload")), "payload"),
				Arguments.of("payload as a string", mutation((n) -> n.put("payload", "disk full")), "payload"),
				Arguments.of("missing summary", mutation((n) -> payload(n).remove("summary")), "payload.summary"),
				Arguments.of("summary over 1024 characters",
						mutation((n) -> payload(n).put("summary", "x".repeat(1025))), "payload.summary"),
				Arguments.of("missing source", mutation((n) -> payload(n).remove("source")), "payload.source"),
				Arguments.of("unknown severity", mutation((n) -> payload(n).put("severity", "fatal")),
						"payload.severity"),
				Arguments.of("severity as a number", mutation((n) -> payload(n).put("severity", 1)),
						"payload.severity"),
				Arguments.of("timestamp not a timestamp", mutation((n) -> payload(n).put("timestamp", "yesterday")),
						"payload.timestamp"),
				Arguments.of("dedup_key over 255 characters", mutation((n) -> n.put("dedup_key", "k".repeat(256))),
						"dedup_key"),
				Arguments.of("acknowledge without dedup_key", mutation((n) -> {
					n.put("event_action", "acknowledge");
					n.remove("dedup_key");
				}), "dedup_key"), Arguments.of("custom_details as a number",
						mutation((n) -> payload(n).put("custom_details", 3)), "payload.custom_details"));
	}

	@Test
	void everyProblemIsListedAtOnce() {
		ObjectNode trigger = trigger(routingKey(7), "disk-many", "mysql-many");
		payload(trigger).remove("summary");
		payload(trigger).put("severity", "fatal");

		Response response = enqueue(trigger);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").size()).isEqualTo(2);
	}

	@Test
	void truncatedJsonIsAnInvalidEvent() {
		String json = trigger(routingKey(7), "disk-trunc", "mysql-trunc").toString();
		long before = writes();

		Response response = send(org.springframework.http.HttpMethod.POST, "/v2/enqueue", MediaType.APPLICATION_JSON,
				json.substring(0, json.length() / 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("status").asString()).isEqualTo("invalid event");
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void senderOverItsRateIsThrottledWithoutStoringAnything() {
		ObjectNode invalid = trigger(routingKey(8), "disk-429", "mysql-429");
		invalid.remove("event_action");
		for (int i = 0; i < 50; i++) {
			assertThat(enqueue(invalid).status()).isEqualTo(400);
		}
		long before = writes();

		Response throttled = enqueue(trigger(routingKey(8), "disk-429", "mysql-429"));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().get("status").asString()).isEqualTo("throttle event");
		assertThat(writes()).isEqualTo(before);
		assertThat(enqueue(trigger(routingKey(9), "disk-429", "mysql-429b")).status())
			.as("another routing key has its own bucket")
			.isEqualTo(202);
	}

	private Response enqueue(ObjectNode event) {
		return post("/v2/enqueue", event.toString());
	}

	private String incidentOf(String service) {
		JsonNode receipts = get("/api/alerts?integration=pagerduty&service=" + service).json();
		assertThat(receipts.size()).as("receipts of " + service).isGreaterThan(0);
		return receipts.get(0).get("incidentId").asString();
	}

	static ObjectNode trigger(String routingKey, String dedupKey, String component) {
		ObjectNode event = (ObjectNode) JSON.readTree(resource("pagerduty-trigger.json"));
		event.put("routing_key", routingKey);
		event.put("dedup_key", dedupKey);
		payload(event).put("component", component);
		return event;
	}

	static ObjectNode other(String file, String routingKey, String dedupKey) {
		ObjectNode event = (ObjectNode) JSON.readTree(resource(file));
		event.put("routing_key", routingKey);
		event.put("dedup_key", dedupKey);
		return event;
	}

	static ObjectNode payload(ObjectNode event) {
		return (ObjectNode) event.get("payload");
	}

	static Consumer<ObjectNode> mutation(Consumer<ObjectNode> mutation) {
		return mutation;
	}

}
