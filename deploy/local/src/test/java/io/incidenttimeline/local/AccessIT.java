package io.incidenttimeline.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #10's "done when", on the system the README's run command starts, with tokens
 * from its local identity provider: who may do what, and that a refusal stores nothing.
 */
class AccessIT {

	private static final String DECLARATION = """
			{"title":"Checkout returns HTTP 500","severity":"SEV-2","services":["checkout"]}""";

	private static LocalSystem system;

	private final Http http = new Http(system.identityUrl());

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void startSystem() {
		system = SharedSystem.get();
	}

	@Test
	void anAnonymousCommandOrOneWithOnlyAnActorHeaderIs401AndStoresNothing() throws Exception {
		long before = storedEvents();

		assertThat(send("POST", system.commandUrl() + "/api/incidents", Map.of(), DECLARATION).statusCode())
			.isEqualTo(401);
		assertThat(send("POST", system.commandUrl() + "/api/incidents", Map.of("X-Actor", "alice"), DECLARATION)
			.statusCode()).isEqualTo(401);

		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void aViewersCommandIs403AndStoresNothing() throws Exception {
		long before = storedEvents();

		Http.Response refused = this.http.post(system.commandUrl() + "/api/incidents", "victor", DECLARATION);

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void aRespondersCommandIsRecordedWithThePrincipalAsActor() {
		Http.Response declared = this.http.post(system.commandUrl() + "/api/incidents", "alice", DECLARATION);
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		String id = declared.read("$.incidentId");

		Http.Response events = this.http.get(system.commandUrl() + "/api/incidents/" + id + "/events");

		assertThat(events.<String>read("$[0].actor")).isEqualTo("alice");
		assertThat(events.<String>read("$[0].actorName")).isEqualTo("Alice Martín");
		assertThat(events.<String>read("$[0].source")).isEqualTo("incident-cli");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Http.Response timeline = this.http.get(system.queryUrl() + "/api/incidents/" + id + "/timeline");
			assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
			assertThat(timeline.<String>read("$.entries[0].actorName")).isEqualTo("Alice Martín");
		});
	}

	@Test
	void theQueryApiIsClosedToAnonymousReadersWhileTheStatusPageStaysPublic() throws Exception {
		assertThat(send("GET", system.queryUrl() + "/api/incidents", Map.of(), null).statusCode()).isEqualTo(401);
		assertThat(send("GET", system.queryUrl() + "/status", Map.of(), null).statusCode()).isEqualTo(200);
		assertThat(send("GET", system.queryUrl() + "/api/v2/summary.json", Map.of(), null).statusCode()).isEqualTo(200);
		assertThat(this.http.get(system.queryUrl() + "/api/incidents").status()).isEqualTo(200);
	}

	@Test
	void aRebuildNeedsAnAdminOnTheManagementPort() throws Exception {
		String rebuild = "/api/admin/projections/incidents/rebuild";

		assertThat(send("POST", system.queryUrl() + rebuild, bearer("ada"), null).statusCode())
			.as("not on the public port")
			.isEqualTo(404);
		assertThat(send("POST", system.queryManagementUrl() + rebuild, Map.of(), null).statusCode()).isEqualTo(401);
		assertThat(send("POST", system.queryManagementUrl() + rebuild, bearer("carol"), null).statusCode())
			.isEqualTo(403);
		assertThat(send("POST", system.queryManagementUrl() + rebuild, bearer("ada"), null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void metricsAreServedOnTheManagementPortOnly() throws Exception {
		assertThat(send("GET", system.commandUrl() + "/actuator/prometheus", Map.of(), null).statusCode())
			.isEqualTo(404);
		assertThat(send("GET", system.commandManagementUrl() + "/actuator/prometheus", Map.of(), null).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", system.queryUrl() + "/actuator/prometheus", Map.of(), null).statusCode()).isEqualTo(404);
		assertThat(send("GET", system.queryManagementUrl() + "/actuator/prometheus", Map.of(), null).statusCode())
			.isEqualTo(200);
	}

	private Map<String, String> bearer(String person) {
		return Map.of("Authorization", "Bearer " + this.http.token(person));
	}

	private HttpResponse<String> send(String method, String url, Map<String, String> headers, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long storedEvents() throws Exception {
		try (Connection connection = DriverManager.getConnection(system.jdbcUrl("incident_command"), "postgres",
				"postgres");
				ResultSet rows = connection.createStatement().executeQuery("select count(*) from domain_event_entry")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
