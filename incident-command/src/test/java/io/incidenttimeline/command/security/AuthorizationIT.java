package io.incidenttimeline.command.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.command.TestIdentity;
import io.incidenttimeline.command.incident.AddActionItem;
import io.incidenttimeline.command.incident.DeclareIncident;
import io.incidenttimeline.command.incident.ResolveIncident;
import io.incidenttimeline.command.incident.ReviewPostmortem;
import io.incidenttimeline.command.incident.StartPostmortem;
import io.incidenttimeline.command.incident.WritePostmortemSection;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.Severity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint the service documents ({@code /v3/api-docs}) against every kind of
 * caller: nobody, each role, and tokens that must not count (another issuer's, an expired
 * one, one meant for another application, one without a subject, a real 2-second token
 * after it ran out). An endpoint without an expectation here fails the test; so does an
 * expectation for an endpoint that no longer exists. Every request carries a valid body,
 * so an allowed one stores its event: a denied one must store nothing.
 */
@CommandServiceIT
@TestPropertySource(properties = { "incident-timeline.oidc.clock-skew=1s",
		"incident-timeline.cors.allowed-origins=https://dashboard.example" })
class AuthorizationIT {

	/**
	 * Who each endpoint needs: a role (and those above it), or, for the alert webhooks,
	 * the sender's own credential, which no access token is.
	 */
	enum Access {

		VIEWER(1), RESPONDER(2), COMMANDER(3), SENDER_CREDENTIAL(Integer.MAX_VALUE);

		final int level;

		Access(int level) {
			this.level = level;
		}

	}

	/**
	 * The expectation for every documented operation, with a body that would be recorded
	 * if the request were let through.
	 */
	static final Map<String, Expectation> EXPECTATIONS = Map.ofEntries(
			expect("POST /api/incidents", Access.RESPONDER, """
					{"title":"Authorization check","severity":"SEV-3","services":["authorization"]}"""),
			expect("POST /api/incidents/{incidentId}/acknowledgements", Access.RESPONDER, "{}"),
			expect("POST /api/incidents/{incidentId}/roles", Access.RESPONDER, """
					{"role":"scribe","assignee":"dave"}"""),
			expect("POST /api/incidents/{incidentId}/status", Access.RESPONDER, """
					{"status":"identified"}"""),
			expect("POST /api/incidents/{incidentId}/mitigations", Access.RESPONDER, """
					{"kind":"rollback","description":"rolled back"}"""),
			expect("POST /api/incidents/{incidentId}/updates", Access.RESPONDER, """
					{"visibility":"internal","body":"looking"}"""),
			expect("POST /api/incidents/{incidentId}/notes", Access.RESPONDER, """
					{"note":"a note"}"""),
			// raising (SEV-3 to SEV-2) is a responder's; lowering is checked in
			// CommandApiIT
			expect("POST /api/incidents/{incidentId}/severity", Access.RESPONDER, """
					{"severity":"SEV-2"}"""),
			expect("POST /api/incidents/{incidentId}/postmortem", Access.RESPONDER, "{}"),
			expect("PUT /api/incidents/{incidentId}/postmortem/sections/{section}", Access.RESPONDER, """
					{"text":"Checkout failed for 25 minutes."}"""),
			expect("POST /api/incidents/{incidentId}/action-items", Access.RESPONDER, """
					{"title":"Add a canary stage","owner":"alice","dueDate":"2099-12-31","type":"prevent"}"""),
			expect("PATCH /api/incidents/{incidentId}/action-items/{itemId}", Access.RESPONDER, """
					{"owner":"bob"}"""),
			expect("POST /api/incidents/{incidentId}/action-items/{itemId}/completion", Access.RESPONDER, "{}"),
			expect("POST /api/incidents/{incidentId}/action-items/{itemId}/drop", Access.RESPONDER, """
					{"reason":"superseded"}"""),
			expect("POST /api/incidents/{incidentId}/postmortem/review", Access.COMMANDER, "{}"),
			expect("POST /api/incidents/{incidentId}/postmortem/publication", Access.COMMANDER, "{}"),
			expect("POST /api/incidents/{incidentId}/corrections", Access.COMMANDER,
					"""
							{"moment":"impact_started","correctedTo":"2025-01-01T00:00:00Z","reason":"logs show it earlier"}"""),
			expect("POST /api/incidents/{incidentId}/resolution", Access.COMMANDER, """
					{"summary":"fixed"}"""), expect("POST /api/incidents/{incidentId}/reopening", Access.COMMANDER, """
					{"reason":"back"}"""), expect("GET /api/incidents/{incidentId}/events", Access.VIEWER, null),
			expect("GET /api/incidents/{incidentId}/export", Access.VIEWER, null),
			expect("GET /api/alerts", Access.VIEWER, null),
			expect("POST /api/alerts/alertmanager", Access.SENDER_CREDENTIAL,
					resource("alertmanager-0.25-firing.json")),
			expect("POST /api/alerts/grafana", Access.SENDER_CREDENTIAL, resource("grafana-firing.json")),
			expect("PUT /api/alerts/grafana", Access.SENDER_CREDENTIAL, resource("grafana-firing.json")),
			expect("POST /api/alerts/cloudevents", Access.SENDER_CREDENTIAL,
					"""
							{"specversion":"1.0","id":"authz-1","source":"//authz","type":"io.incidenttimeline.alert.triggered.v1",
							 "data":{"key":"authz","summary":"authorization check","severity":"critical","service":"authz"}}"""),
			expect("POST /v2/enqueue", Access.SENDER_CREDENTIAL, resource("pagerduty-trigger.json")
				.replaceAll("\"routing_key\"\\s*:\\s*\"[^\"]*\"", "\"routing_key\":\"not-a-routing-key\"")));

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CommandGateway commands;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void everyDocumentedEndpointHasAnExpectation() {
		Set<String> documented = documentedOperations();

		assertThat(documented).as("documented endpoints without an expectation in AuthorizationIT")
			.isSubsetOf(EXPECTATIONS.keySet());
		assertThat(EXPECTATIONS.keySet()).as("expectations for endpoints that are not documented any more")
			.isSubsetOf(documented);
	}

	@Test
	void everyEndpointAnswersEachCallerAsItsRuleSaysAndADenialStoresNothing() {
		List<String> mismatches = new ArrayList<>();
		Map<String, Supplier<String>> callers = callers();
		for (String operation : new TreeSet<>(documentedOperations())) {
			Expectation expectation = EXPECTATIONS.get(operation);
			for (Map.Entry<String, Supplier<String>> caller : callers.entrySet()) {
				Integer level = LEVELS.get(caller.getKey());
				int expected = (level == null || expectation.access() == Access.SENDER_CREDENTIAL) ? 401
						: (level >= expectation.access().level) ? 200 : 403;
				String path = concrete(operation);
				long before = stored();
				Response response = send(operation, path, expectation.body(), caller.getValue().get());
				long after = stored();
				String outcome = operation + " as " + caller.getKey() + ": " + response.status();
				if (expected == 200) {
					if (response.status() / 100 != 2) {
						mismatches.add(outcome + " (expected allowed) " + response.body());
					}
					continue;
				}
				if (response.status() != expected) {
					mismatches.add(outcome + " (expected " + expected + ") " + response.body());
				}
				if (after != before) {
					mismatches.add(outcome + " stored " + (after - before) + " row(s) on a denial");
				}
				// a sender hears its refusal in its own shape (PagerDuty's), everyone
				// else as a problem
				if (expectation.access() != Access.SENDER_CREDENTIAL
						&& !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.headers().getContentType())) {
					mismatches.add(outcome + " is not problem JSON: " + response.headers().getContentType());
				}
				if (expected == 401 && expectation.access() != Access.SENDER_CREDENTIAL
						&& response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE) == null) {
					mismatches.add(outcome + " has no WWW-Authenticate challenge");
				}
				if (response.headers().containsHeader(HttpHeaders.SET_COOKIE)) {
					mismatches.add(outcome + " sets a cookie: " + response.headers().get(HttpHeaders.SET_COOKIE));
				}
			}
		}
		assertThat(mismatches).as("requests answered against the rules").isEmpty();
	}

	/**
	 * A request no rule names is denied: an endpoint added without a rule fails closed.
	 */
	@Test
	void anythingNoRuleNamesIsDenied() {
		assertThat(send("GET /api/nothing-here", "/api/nothing-here", null, null).status()).isEqualTo(401);
		assertThat(send("GET /api/nothing-here", "/api/nothing-here", null, TestIdentity.token("ada")).status())
			.isEqualTo(403);
		assertThat(send("DELETE /api/incidents/{incidentId}", concrete("DELETE /api/incidents/{incidentId}"), null,
				TestIdentity.token("ada"))
			.status()).isEqualTo(403);
	}

	@Test
	void theManagementPortServesProbesAndMetricsToAnyoneAndTheRestToAdmins() {
		CommandApi management = new CommandApi(this.managementPort);
		assertThat(management.anonymous().get("/actuator/health").status()).isEqualTo(200);
		assertThat(management.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(management.anonymous().get("/actuator/info").status()).isEqualTo(200);
		assertThat(management.anonymous().get("/actuator/prometheus").status()).isEqualTo(200);

		assertThat(management.anonymous().get("/actuator").status()).isEqualTo(401);
		assertThat(management.as("carol").get("/actuator").status()).isEqualTo(403);
		assertThat(management.as("ada").get("/actuator").status()).isEqualTo(200);
	}

	@Test
	void theApiDescriptionIsPublic() {
		assertThat(send("GET /v3/api-docs", "/v3/api-docs", null, null).status()).isEqualTo(200);
		assertThat(send("GET /swagger-ui/index.html", "/swagger-ui/index.html", null, null).status()).isEqualTo(200);
	}

	@Test
	void scriptsOfTheConfiguredOriginMayCallTheApiWithAToken() {
		EntityExchangeResult<String> allowed = preflight("https://dashboard.example", "POST", "/api/incidents");
		EntityExchangeResult<String> other = preflight("https://evil.example", "POST", "/api/incidents");

		assertThat(allowed.getStatus().value()).isEqualTo(200);
		assertThat(allowed.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo("https://dashboard.example");
		assertThat(allowed.getResponseHeaders().getAccessControlAllowHeaders())
			.anySatisfy((header) -> assertThat(header).isEqualToIgnoringCase(HttpHeaders.AUTHORIZATION));
		assertThat(other.getStatus().value()).isEqualTo(403);
	}

	/**
	 * A postmortem is written with PUT (sections) and PATCH (action items) too.
	 */
	@Test
	void scriptsOfTheConfiguredOriginMayWriteAPostmortem() {
		String incident = "/api/incidents/" + UUID.randomUUID();
		for (String[] request : List.of(new String[] { "PUT", incident + "/postmortem/sections/summary" },
				new String[] { "PATCH", incident + "/action-items/" + UUID.randomUUID() })) {
			EntityExchangeResult<String> allowed = preflight("https://dashboard.example", request[0], request[1]);

			assertThat(allowed.getStatus().value()).as(request[0]).isEqualTo(200);
			assertThat(allowed.getResponseHeaders().getAccessControlAllowMethods()).as(request[0])
				.contains(HttpMethod.valueOf(request[0]));
		}
	}

	private EntityExchangeResult<String> preflight(String origin, String method, String path) {
		return this.client.options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.returnResult(String.class);
	}

	/**
	 * The role level of each caller; callers without one hold no token that counts.
	 */
	static final Map<String, Integer> LEVELS = Map.of("viewer victor", 1, "responder alice", 2, "automation", 2,
			"commander carol", 3, "admin ada", 4);

	private Map<String, Supplier<String>> callers() {
		String shortLived = TestIdentity.shortLived("ada");
		Map<String, Supplier<String>> callers = new LinkedHashMap<>();
		callers.put("anonymous", () -> null);
		callers.put("viewer victor", () -> TestIdentity.token("victor"));
		callers.put("responder alice", () -> TestIdentity.token("alice"));
		callers.put("automation", () -> TestIdentity.token("automation"));
		callers.put("commander carol", () -> TestIdentity.token("carol"));
		callers.put("admin ada", () -> TestIdentity.token("ada"));
		callers.put("admin of another issuer",
				() -> TestIdentity.foreign(Map.of("sub", "ada", "roles", List.of("admin"))));
		callers.put("admin with an expired token",
				() -> TestIdentity
					.signed(Map.of("sub", "ada", "roles", List.of("admin"), "iat", Instant.now().minusSeconds(600),
							"nbf", Instant.now().minusSeconds(600), "exp", Instant.now().minusSeconds(60))));
		callers.put("other-app, an admin without our audience", () -> TestIdentity.token("other-app"));
		callers.put("admin without a subject", () -> TestIdentity.signed(Map.of("roles", List.of("admin"))));
		callers.put("admin whose 2-second token ran out", () -> shortLived);
		// the short-lived token is refused once 2 s and the 1 s skew have passed
		await("the short-lived token to run out").atMost(Duration.ofSeconds(10))
			.until(() -> send("GET /api/alerts", "/api/alerts", null, shortLived).status() == 401);
		return callers;
	}

	private Set<String> documentedOperations() {
		JsonNode paths = send("GET /v3/api-docs", "/v3/api-docs", null, null).json().get("paths");
		Set<String> operations = new TreeSet<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(operation.getKey())) {
				operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}));
		return operations;
	}

	/**
	 * The operation's path with a fresh incident in the state the operation needs (a
	 * resolved one to reopen or to write a postmortem for; a started postmortem for its
	 * sections and action items, an action item for its changes, the needed sections for
	 * a review, a review for a publication), so that an allowed request succeeds.
	 */
	private String concrete(String operation) {
		String path = operation.substring(operation.indexOf(' ') + 1);
		if (!path.contains("{incidentId}")) {
			return path;
		}
		// straight to the command gateway: the setup must not depend on the rules under
		// test
		IncidentId id = IncidentId.random();
		String actor = "authorization-it";
		this.commands.sendAndWait(new DeclareIncident(id, "Authorization check", Severity.SEV_3,
				List.of("authorization"), null, null, actor, null, actor, null));
		boolean postmortem = path.contains("/postmortem") || path.contains("/action-items");
		if (operation.endsWith("/reopening") || postmortem) {
			this.commands.sendAndWait(new ResolveIncident(id, "fixed", actor, null, actor, null));
		}
		if (postmortem && !path.endsWith("/postmortem")) {
			this.commands.sendAndWait(new StartPostmortem(id, actor, null, actor));
		}
		UUID item = UUID.randomUUID();
		if (path.contains("{itemId}")) {
			this.commands.sendAndWait(new AddActionItem(id, item, "Add a canary stage", "alice",
					LocalDate.parse("2099-12-31"), ActionItemType.PREVENT, null, null, actor, null, actor));
		}
		if (path.endsWith("/postmortem/review") || path.endsWith("/postmortem/publication")) {
			for (PostmortemSection section : List.of(PostmortemSection.SUMMARY, PostmortemSection.IMPACT,
					PostmortemSection.ROOT_CAUSE)) {
				this.commands.sendAndWait(new WritePostmortemSection(id, section, "written", actor, null, actor));
			}
		}
		if (path.endsWith("/postmortem/publication")) {
			this.commands.sendAndWait(new ReviewPostmortem(id, null, actor, null, actor));
		}
		return path.replace("{incidentId}", id.toString())
			.replace("{itemId}", item.toString())
			.replace("{section}", "summary");
	}

	private Response send(String operation, String path, String body, String token) {
		HttpMethod method = HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
			if (body != null) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
		});
		EntityExchangeResult<String> result = ((body != null) ? request.body(body) : request).exchange()
			.returnResult(String.class);
		return new Response(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	/**
	 * Rows only an accepted request writes: events and alert receipts.
	 */
	private long stored() {
		return this.jdbc.queryForObject(
				"SELECT (SELECT count(*) FROM domain_event_entry) + (SELECT count(*) FROM alert_receipt)", Long.class);
	}

	private static Map.Entry<String, Expectation> expect(String operation, Access access, String body) {
		return Map.entry(operation, new Expectation(access, body));
	}

	private static String resource(String name) {
		try (InputStream in = AuthorizationIT.class.getResourceAsStream("/alerts/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Expectation(Access access, String body) {
	}

}
