package io.incidenttimeline.command.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.incidenttimeline.command.CommandServiceIT;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One application context on one real PostgreSQL database for every alert IT; tests keep
 * apart by using their own services, fingerprints and routing keys.
 */
@CommandServiceIT
@TestPropertySource(properties = { "incident-timeline.alerts.pagerduty.routing-keys=" + AlertsITSupport.ROUTING_KEYS,
		"incident-timeline.alerts.pagerduty.burst=50", "incident-timeline.alerts.pagerduty.events-per-minute=1",
		"incident-timeline.alerts.grafana.timestamp-header=X-Grafana-Alerting-Timestamp" })
abstract class AlertsITSupport {

	static final String ROUTING_KEYS = "R0000000000000000000000000000001,R0000000000000000000000000000002,"
			+ "R0000000000000000000000000000003,R0000000000000000000000000000004,R0000000000000000000000000000005,"
			+ "R0000000000000000000000000000006,R0000000000000000000000000000007,R0000000000000000000000000000008,"
			+ "R0000000000000000000000000000009,R0000000000000000000000000000010,R0000000000000000000000000000011,"
			+ "R0000000000000000000000000000012,R0000000000000000000000000000013,R0000000000000000000000000000014";

	static final String AM_TOKEN = "local-alertmanager-token";

	static final String CE_TOKEN = "local-cloudevents-token";

	static final String GRAFANA_SECRET = "local-grafana-secret";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	RestTestClient client;

	@BeforeEach
	void client() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	static String routingKey(int number) {
		return "R%031d".formatted(number);
	}

	Response send(HttpMethod method, String path, MediaType contentType, byte[] body, String... headers) {
		EntityExchangeResult<String> result = this.client.method(method).uri(path).headers((h) -> {
			if (contentType != null) {
				h.setContentType(contentType);
			}
			for (int i = 0; i < headers.length; i += 2) {
				h.set(headers[i], headers[i + 1]);
			}
		}).body(body).exchange().returnResult(String.class);
		return new Response(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	Response post(String path, String json, String... headers) {
		return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8), headers);
	}

	Response get(String path) {
		EntityExchangeResult<String> result = this.client.get().uri(path).exchange().returnResult(String.class);
		return new Response(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	JsonNode events(String incidentId) {
		Response response = get("/api/incidents/" + incidentId + "/events");
		if (response.status() != 200) {
			throw new IllegalStateException("no events for " + incidentId + ": " + response);
		}
		return response.json();
	}

	List<String> eventTypes(String incidentId) {
		List<String> types = new ArrayList<>();
		events(incidentId).forEach((event) -> types.add(event.get("type").asString()));
		return types;
	}

	/**
	 * Rows written by alert ingestion: events, receipts and routes. A rejected request
	 * changes none of them.
	 */
	long writes() {
		return this.jdbc.queryForObject("""
				SELECT (SELECT count(*) FROM domain_event_entry) + (SELECT count(*) FROM alert_receipt)
				  + (SELECT count(*) FROM alert_route) + (SELECT coalesce(sum(repeat_count), 0) FROM alert_receipt)""",
				Long.class);
	}

	static String resource(String name) {
		try (InputStream in = AlertsITSupport.class.getResourceAsStream("/alerts/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waiting for what alerting systems deliver on their own schedule.
	 */
	static ConditionFactory awaiting(String what) {
		return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
	}

	/**
	 * Waits until the probe finds the value and returns it.
	 */
	static <T> T eventually(String what, Supplier<T> probe) {
		return awaiting(what).until(probe::get, Objects::nonNull);
	}

	record Response(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		MediaType contentType() {
			return this.headers.getContentType();
		}

	}

}
