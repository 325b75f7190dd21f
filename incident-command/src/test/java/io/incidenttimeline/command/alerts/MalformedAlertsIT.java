package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad payloads for every alert endpoint: each field of a valid payload removed
 * or replaced by a value of every other JSON type, truncations, oversized labels and
 * bodies, unknown fields. Whatever arrives, the answer is never a 5xx; a refusal is a 4xx
 * in the endpoint's error shape and writes nothing.
 */
class MalformedAlertsIT extends AlertsITSupport {

	/**
	 * Spreads the PagerDuty cases over five routing keys, within their rate limits.
	 */
	private static final java.util.concurrent.atomic.AtomicInteger KEYS = new java.util.concurrent.atomic.AtomicInteger();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<JsonNode> WRONG_VALUES = List.of(NODES.numberNode(42), NODES.nullNode(),
			NODES.arrayNode(), NODES.objectNode(), NODES.stringNode(""), NODES.booleanNode(true));

	@ParameterizedTest(name = "{0}")
	@MethodSource("payloads")
	void malformedPayloadIsNeverAServerErrorNorAPartialWrite(String name, Endpoint endpoint, byte[] body) {
		long before = writes();

		Response response = endpoint.send(this, body);

		assertThat(response.status()).as(name + ": " + response.body()).isLessThan(500);
		if (response.status() >= 400) {
			assertThat(writes()).as(name + " wrote despite " + response.status()).isEqualTo(before);
			if (endpoint == Endpoint.PAGERDUTY && response.status() != 413) {
				assertThat(response.json().get("status").asString()).isIn("invalid event", "throttle event");
			}
			else {
				assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.as(name + ": " + response.headers())
					.isTrue();
				if (response.status() == 400) {
					assertThat(response.json().get("errors").get(0).get("field").asString()).isNotBlank();
				}
			}
		}
	}

	static Stream<Arguments> payloads() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			JsonNode base = endpoint.base();
			String json = base.toString();
			for (int tenth = 1; tenth < 10; tenth++) {
				cases.add(Arguments.of(endpoint + " truncated at " + tenth + "0%", endpoint,
						bytes(json.substring(0, json.length() * tenth / 10))));
			}
			for (List<Object> path : paths(base, new ArrayList<>())) {
				cases.add(Arguments.of(endpoint + " without " + path, endpoint,
						bytes(mutate(endpoint.base(), path, null))));
				for (JsonNode wrong : (endpoint == Endpoint.PAGERDUTY) ? WRONG_VALUES.subList(0, 3) : WRONG_VALUES) {
					cases.add(Arguments.of(endpoint + " " + path + " = " + wrong, endpoint,
							bytes(mutate(endpoint.base(), path, wrong))));
				}
			}
			ObjectNode unknown = (ObjectNode) base.deepCopy();
			unknown.put("someFutureField", "x").putObject("nested").put("a", 1);
			cases.add(Arguments.of(endpoint + " with unknown fields", endpoint, bytes(unknown)));
			cases.add(Arguments.of(endpoint + " not an object", endpoint, bytes("[" + json + "]")));
			cases.add(Arguments.of(endpoint + " empty body", endpoint, new byte[0]));
			cases.add(Arguments.of(endpoint + " over 64 KiB", endpoint, bytes(padded(base, 70_000))));
			cases.add(Arguments.of(endpoint + " deeply nested", endpoint,
					bytes("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
		}
		for (Endpoint endpoint : List.of(Endpoint.ALERTMANAGER, Endpoint.GRAFANA)) {
			cases.add(Arguments.of(endpoint + " with 65 labels", endpoint,
					bytes(withAlert(endpoint.base(), (alert) -> labels(alert, 65, 10, 10)))));
			cases.add(Arguments.of(endpoint + " with a 129 character label name", endpoint,
					bytes(withAlert(endpoint.base(), (alert) -> labels(alert, 1, 129, 10)))));
			cases.add(Arguments.of(endpoint + " with a 4097 character label value", endpoint,
					bytes(withAlert(endpoint.base(), (alert) -> labels(alert, 1, 10, 4097)))));
			cases.add(
					Arguments.of(endpoint + " with a 1025 character summary", endpoint, bytes(withAlert(endpoint.base(),
							(alert) -> ((ObjectNode) alert.get("annotations")).put("summary", "s".repeat(1025))))));
			cases
				.add(Arguments.of(endpoint + " with a 101 character service", endpoint, bytes(withAlert(endpoint.base(),
						(alert) -> ((ObjectNode) alert.get("labels")).put("service", "s".repeat(101))))));
			ObjectNode many = (ObjectNode) endpoint.base().deepCopy();
			ArrayNode alerts = (ArrayNode) many.get("alerts");
			for (int i = 0; i < 101; i++) {
				alerts.add(alerts.get(0).deepCopy());
			}
			cases.add(Arguments.of(endpoint + " with 102 alerts", endpoint, bytes(many)));
		}
		return cases.stream();
	}

	/**
	 * Every field and element of the payload, as paths of names and indexes.
	 */
	private static List<List<Object>> paths(JsonNode node, List<Object> prefix) {
		List<List<Object>> paths = new ArrayList<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				List<Object> path = new ArrayList<>(prefix);
				path.add(field.getKey());
				paths.add(path);
				paths.addAll(paths(field.getValue(), path));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				List<Object> path = new ArrayList<>(prefix);
				path.add(i);
				paths.add(path);
				paths.addAll(paths(node.get(i), path));
			}
		}
		return paths;
	}

	private static JsonNode mutate(JsonNode base, List<Object> path, JsonNode replacement) {
		JsonNode copy = base.deepCopy();
		JsonNode parent = copy;
		for (Object step : path.subList(0, path.size() - 1)) {
			parent = (step instanceof Integer index) ? parent.get(index) : parent.get((String) step);
		}
		Object last = path.get(path.size() - 1);
		if (parent instanceof ObjectNode object) {
			if (replacement == null) {
				object.remove((String) last);
			}
			else {
				object.set((String) last, replacement);
			}
		}
		else if (parent instanceof ArrayNode array) {
			if (replacement == null) {
				array.remove((Integer) last);
			}
			else {
				array.set((Integer) last, replacement);
			}
		}
		return copy;
	}

	private static JsonNode withAlert(JsonNode base, java.util.function.Consumer<ObjectNode> change) {
		ObjectNode copy = (ObjectNode) base.deepCopy();
		change.accept((ObjectNode) copy.get("alerts").get(0));
		return copy;
	}

	private static void labels(ObjectNode alert, int count, int keyLength, int valueLength) {
		ObjectNode labels = (ObjectNode) alert.get("labels");
		for (int i = 0; i < count; i++) {
			String key = ("k" + i + "_").repeat(keyLength).substring(0, keyLength);
			labels.put(key, "v".repeat(valueLength));
		}
	}

	private static JsonNode padded(JsonNode base, int size) {
		ObjectNode copy = (ObjectNode) base.deepCopy();
		copy.put("padding", "p".repeat(size));
		return copy;
	}

	private static byte[] bytes(Object json) {
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	enum Endpoint {

		ALERTMANAGER((it, body) -> it.send(HttpMethod.POST, "/api/alerts/alertmanager", MediaType.APPLICATION_JSON,
				body, "Authorization", "Bearer " + AM_TOKEN), () -> {
					ObjectNode payload = (ObjectNode) JSON.readTree(resource("alertmanager-0.25-firing.json"));
					ObjectNode alert = (ObjectNode) payload.get("alerts").get(0);
					((ObjectNode) alert.get("labels")).put("service", "fuzz-alertmanager");
					alert.put("fingerprint", "f0f0f0f0f0f0f0f0");
					return payload;
				}),

		PAGERDUTY((it, body) -> it.send(HttpMethod.POST, "/v2/enqueue", MediaType.APPLICATION_JSON, body),
				() -> PagerDutyContractIT.trigger(routingKey(10 + KEYS.getAndIncrement() % 5), "fuzz",
						"fuzz-pagerduty")),

		GRAFANA((it, body) -> {
			String timestamp = String.valueOf(Instant.now().getEpochSecond());
			return it.send(HttpMethod.POST, "/api/alerts/grafana", MediaType.APPLICATION_JSON, body,
					GrafanaContractIT.SIGNATURE, GrafanaContractIT.sign(timestamp, body), GrafanaContractIT.TIMESTAMP,
					timestamp);
		}, () -> JSON.readTree(GrafanaContractIT.critical("fuzz-grafana", "fuzz-fingerprint"))),

		CLOUDEVENTS((it, body) -> it.send(HttpMethod.POST, "/api/alerts/cloudevents",
				MediaType.parseMediaType("application/cloudevents+json"), body, "Authorization", "Bearer " + CE_TOKEN),
				() -> JSON.readTree(
						"""
								{"specversion":"1.0","id":"fuzz-1","source":"//fuzz","type":"io.incidenttimeline.alert.triggered.v1",
								 "time":"2026-11-23T03:00:00Z","data":{"key":"fuzz","summary":"fuzzing","severity":"info",
								 "service":"fuzz-cloudevents","group":"g","labels":{"a":"b"},"link":"https://x.example"}}"""));

		private final Sender sender;

		private final java.util.function.Supplier<JsonNode> base;

		Endpoint(Sender sender, java.util.function.Supplier<JsonNode> base) {
			this.sender = sender;
			this.base = base;
		}

		Response send(AlertsITSupport it, byte[] body) {
			return this.sender.send(it, body);
		}

		JsonNode base() {
			return this.base.get();
		}

	}

	interface Sender {

		Response send(AlertsITSupport it, byte[] body);

	}

}
