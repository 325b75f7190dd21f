package io.incidenttimeline.query.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.query.TestIdentity;
import io.incidenttimeline.testsupport.IncidentStory;
import io.incidenttimeline.testsupport.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the service against every kind of caller, with the status each must
 * get. The endpoints come from the live OpenAPI document, so a new one without an
 * expectation here fails this test, plus those it does not describe (pages, the
 * management port, static assets, sign-in), listed explicitly. The callers hold real
 * tokens of the local identity provider (one per role, a machine's, one expired, one for
 * another application), or hand-made ones it never issued (another issuer, a forged
 * signature, no subject). A refused request changes nothing: a denied rebuild leaves the
 * projection's rows as they were, a denied retry its parked event, a denied re-drive the
 * dead letters.
 */
@RunningQueryService
@TestPropertySource(properties = { "incident-query.identity.clock-skew=0s",
		"incident-query.identity.cors-allowed-origins=https://ops.example.org" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {

	/** A row no event made: a rebuild of the dashboard projection removes it. */
	private static final UUID SENTINEL = UUID.fromString("00000000-0000-0000-0000-00000000cafe");

	private static final Set<String> TOKEN_PROBLEMS = Set.of("another issuer", "forged signature", "no subject",
			"expired", "another audience");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.consumer.group-id}")
	String consumerGroup;

	private final IncidentStory story = new IncidentStory();

	private final IncidentStory waiting = new IncidentStory();

	/** Resolved, so it has a postmortem. */
	private final IncidentStory resolved = new IncidentStory();

	private Map<String, String> callers;

	@BeforeAll
	void incidentsParkedEventsAndADeadLetter() {
		this.topic.send(this.story.declared(Severity.SEV_2, "Checkout errors", "checkout"),
				this.story.note("Internal: suspect the new pool size"));
		this.topic.send(this.waiting.declared());
		this.topic.send(this.resolved.declared(Severity.SEV_1, "Payments down", "payments"),
				this.resolved.resolved("Rolled back"));
		this.waiting.note("never arrives");
		this.topic.send(this.waiting.note("waits for its predecessor"));
		IncidentStory deadLettered = new IncidentStory();
		this.topic.sendDeadLetter(deadLettered.id().toString(), IncidentEventCodec.encode(deadLettered.declared()),
				Map.of());
		eventually().until(() -> this.api.get("/api/incidents/" + this.story.id()).status() == 200
				&& this.api.get("/api/incidents/" + this.resolved.id() + "/postmortem").status() == 200
				&& this.jdbc.sql("SELECT count(*) FROM parked_events").query(Long.class).single() == 1);
		this.jdbc.sql("""
				INSERT INTO dashboard_incidents (incident_id, title, severity, status, commander, declared_at,
				  last_public_update_at, last_event_at, last_sequence)
				VALUES (?, 'no event made this row', 'SEV-4', 'investigating', null, now(), null, now(), 1)""")
			.param(SENTINEL)
			.update();

		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("anonymous", null);
		callers.put("viewer", TestIdentity.accessToken(TestIdentity.VIEWER));
		callers.put("responder", TestIdentity.accessToken(TestIdentity.RESPONDER));
		callers.put("commander", TestIdentity.accessToken(TestIdentity.COMMANDER));
		callers.put("admin", TestIdentity.accessToken(TestIdentity.ADMIN));
		callers.put("automation (responder)", TestIdentity.automation());
		callers.put("another issuer",
				TestIdentity.signedByAnotherKey(TestIdentity.viewerClaims()
					.issuer("https://login.example.org/realms/other")
					.claim("roles", List.of("admin"))
					.build()));
		callers.put("forged signature",
				TestIdentity.signedByAnotherKey(TestIdentity.viewerClaims().claim("roles", List.of("admin")).build()));
		callers.put("no subject", TestIdentity.signedByTheIssuer(TestIdentity.viewerClaims().subject(null).build()));
		callers.put("another audience", TestIdentity.otherApplication());
		callers.put("expired", TestIdentity.expired(TestIdentity.ADMIN));
		this.callers = callers;
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheRulesSayAndADenialChangesNothing() {
		List<Endpoint> endpoints = endpoints();
		List<String> mismatches = new ArrayList<>();
		List<Runnable> allowedChanges = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (Map.Entry<String, String> caller : this.callers.entrySet()) {
				int expected = endpoint.expectedFor(caller.getKey());
				if (endpoint.changes() && endpoint.access() == Access.ADMIN && expected == endpoint.allowed()) {
					allowedChanges.add(() -> check(endpoint, caller, expected, mismatches));
					continue;
				}
				String before = state();
				check(endpoint, caller, expected, mismatches);
				String after = state();
				if (!before.equals(after)) {
					mismatches.add(endpoint + " as " + caller.getKey() + " changed " + before + " to " + after);
				}
			}
		}
		assertThat(mismatches).as("endpoint as caller: expected status, got").isEmpty();

		String before = state();
		allowedChanges.forEach(Runnable::run);
		assertThat(mismatches).as("the admin's own changes").isEmpty();
		assertThat(state()).as("the state check sees a change").isNotEqualTo(before);
	}

	@Test
	void theOpenApiDocumentDeclaresTheBearerScheme() {
		JsonNode document = this.api.anonymous().get("/v3/api-docs").json();

		assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
		assertThat(document.at("/paths/~1api~1incidents/get/security").isMissingNode()).isTrue();
		assertThat(document.at("/security/0/bearer").isArray()).isTrue();
		assertThat(document.at("/paths/~1api~1v2~1status.json/get/security").size()).as("public: none").isZero();
	}

	@Test
	void aRefusalIsAProblemWithItsBearerChallengeAndStartsNoSession() {
		QueryApi.Answer anonymous = this.api.anonymous().get("/api/incidents");
		QueryApi.Answer expired = this.api.withToken(this.callers.get("expired")).get("/api/incidents");
		QueryApi.Answer viewer = this.api.admin().withToken(this.callers.get("viewer")).get("/api/admin/parked");
		QueryApi.Answer allowed = this.api.get("/api/incidents");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
		assertThat(anonymous.json().path("instance").asText()).isEqualTo("/api/incidents");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.header("WWW-Authenticate")).contains("error=\"invalid_token\"").contains("expired");
		assertThat(expired.json().path("detail").asText()).contains("expired");
		assertThat(viewer.status()).isEqualTo(403);
		assertThat(viewer.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(viewer.header("WWW-Authenticate")).contains("insufficient_scope");
		assertThat(List.of(anonymous, expired, viewer, allowed))
			.allSatisfy((answer) -> assertThat(answer.header("Set-Cookie")).as("stateless").isNull());
	}

	@Test
	void aPageSendsABrowserToSignInAndComesBackToIt() {
		Response page = request("GET", this.api.base() + "/dashboard/metrics", null, Map.of());

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).isEqualTo(this.api.base() + "/oauth2/authorization/oidc");
		Response signIn = request("GET", page.header("Location"), null,
				Map.of("Cookie", page.header("Set-Cookie").split(";")[0]));
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("Location")).startsWith(TestIdentity.issuer() + "/oauth2/authorize?")
			.contains("client_id=incident-dashboard")
			.contains("scope=openid%20profile")
			.contains("redirect_uri=" + this.api.base() + "/login/oauth2/code/local&");
	}

	@Test
	void theStatuspageApiIsOpenToEveryOriginTheQueryApiOnlyToTheConfiguredOnes() {
		Map<String, String> preflight = Map.of("Origin", "https://widgets.example.com", "Access-Control-Request-Method",
				"GET");
		Response statuspage = request("OPTIONS", this.api.base() + "/api/v2/summary.json", null, preflight);
		Response statuspageGet = request("GET", this.api.base() + "/api/v2/summary.json", null,
				Map.of("Origin", "https://widgets.example.com"));
		Response ours = request("GET", this.api.base() + "/api/incidents", this.callers.get("viewer"),
				Map.of("Origin", "https://ops.example.org"));
		Response foreign = request("GET", this.api.base() + "/api/incidents", this.callers.get("viewer"),
				Map.of("Origin", "https://widgets.example.com"));
		Response admin = request("GET", this.api.admin().url() + "/api/admin/parked", this.callers.get("admin"),
				Map.of("Origin", "https://ops.example.org"));

		assertThat(statuspage.status()).isEqualTo(200);
		assertThat(statuspage.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(statuspageGet.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(ours.status()).isEqualTo(200);
		assertThat(ours.header("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.org");
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
		assertThat(admin.header("Access-Control-Allow-Origin")).isNull();
	}

	/**
	 * The documented endpoints, each with its expectation, then the undocumented ones.
	 */
	private List<Endpoint> endpoints() {
		JsonNode paths = this.api.anonymous().get("/v3/api-docs").json().path("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> documented
					.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
		Map<String, Endpoint> expected = new LinkedHashMap<>();
		for (Endpoint endpoint : documentedEndpoints()) {
			expected.put(endpoint.method() + " " + endpoint.template(), endpoint);
		}
		assertThat(expected.keySet()).as("an expectation for every endpoint in /v3/api-docs, and no other")
			.containsExactlyInAnyOrderElementsOf(documented);
		List<Endpoint> all = new ArrayList<>(expected.values());
		all.addAll(undocumentedEndpoints());
		return all;
	}

	private List<Endpoint> documentedEndpoints() {
		return List.of(viewer("GET", "/api/incidents", 200), viewer("GET", "/api/incidents/{id}", 200),
				viewer("GET", "/api/incidents/{id}/timeline", 200),
				viewer("GET", "/api/incidents/{id}/postmortem", 200),
				viewer("GET", "/api/incidents/{id}/postmortem.md", 200), viewer("GET", "/api/action-items", 200),
				viewer("GET", "/api/postmortems/due", 200), viewer("GET", "/api/metrics/mttx", 200),
				viewer("GET", "/api/metrics/mttx/series", 200), viewer("GET", "/api/metrics/incidents", 200),
				viewer("GET", "/api/status/overdue", 200), viewer("GET", "/api/dashboard/open-incidents", 200),
				viewer("GET", "/api/stream", 200), anyone("GET", "/api/v2/status.json", 200),
				anyone("GET", "/api/v2/summary.json", 200), anyone("GET", "/api/v2/components.json", 200),
				anyone("GET", "/api/v2/incidents.json", 200), anyone("GET", "/api/v2/incidents/unresolved.json", 200),
				anyone("GET", "/status/history.atom", 200), admin("GET", "/api/admin/projections", 200),
				admin("POST", "/api/admin/projections/{name}/rebuild", 200), admin("GET", "/api/admin/parked", 200),
				admin("POST", "/api/admin/parked/{incidentId}/retry", 409),
				admin("GET", "/api/admin/dead-letters", 200), admin("POST", "/api/admin/dead-letters/redrive", 200));
	}

	private List<Endpoint> undocumentedEndpoints() {
		return List.of(
				// the management port: probes and metrics for anyone, nothing else
				management("GET", "/actuator/health", 200), management("GET", "/actuator/health/liveness", 200),
				management("GET", "/actuator/health/readiness", 200), management("GET", "/actuator/info", 200),
				management("GET", "/actuator/prometheus", 200), managementNobody("GET", "/actuator"),
				managementNobody("GET", "/actuator/env"),
				// each port serves only its own: the other port's endpoints do not exist
				missing(true, "GET", "/status"), missing(true, "GET", "/api/incidents"),
				missing(true, "GET", "/dashboard"), missing(false, "GET", "/actuator/health"),
				missing(false, "GET", "/actuator/prometheus"), missing(false, "GET", "/api/admin/projections"),
				missing(false, "POST", "/api/admin/projections/{name}/rebuild"),
				missing(false, "POST", "/api/admin/dead-letters/redrive"),
				// pages: a browser without a session is sent to sign in
				page("/dashboard"), page("/dashboard/metrics"), page("/dashboard/incidents/{id}"),
				page("/dashboard/incidents/{id}/postmortem"), page("/dashboard/incidents/{id}/fragments/header"),
				page("/dashboard/fragments/open-incidents"), page("/dashboard/dashboard.css"),
				page("/dashboard/live.js"),
				// the status page and what describes the API
				anyone("GET", "/status", 200), anyone("GET", "/statuspage/status.css", 200),
				anyone("GET", "/v3/api-docs", 200), anyone("GET", "/swagger-ui/index.html", 200),
				// where to get a token, and the way to sign in: their own filters answer
				// these before any token is looked at
				new Endpoint("GET", "/.well-known/oauth-protected-resource", false, Access.BEFORE_TOKENS, 200),
				new Endpoint("GET", "/oauth2/authorization/oidc", false, Access.BEFORE_TOKENS, 302),
				// no rule: refused to everyone
				nobody("GET", "/"), nobody("GET", "/login"), nobody("GET", "/error"), nobody("POST", "/api/incidents"),
				nobody("DELETE", "/api/incidents/{id}"), nobody("POST", "/api/v2/summary.json"),
				nobody("GET", "/logout"));
	}

	private void check(Endpoint endpoint, Map.Entry<String, String> caller, int expected, List<String> mismatches) {
		String base = endpoint.management() ? this.api.admin().url() : this.api.base();
		String path = endpoint.template()
			.replace("{id}", (endpoint.template().contains("/postmortem") ? this.resolved : this.story).id().toString())
			.replace("{incidentId}", this.waiting.id().toString())
			.replace("{name}", "dashboard");
		Response response = request(endpoint.method(), base + path, caller.getValue(), Map.of());
		if (response.status() != expected) {
			mismatches.add(endpoint + " as " + caller.getKey() + ": expected " + expected + ", got " + response.status()
					+ " " + response.start());
			return;
		}
		if (expected == 401 || expected == 403) {
			if (!"application/problem+json".equals(response.header("Content-Type"))) {
				mismatches.add(endpoint + " as " + caller.getKey() + ": not a problem: " + response.start());
			}
		}
		if (expected == 401 && response.header("WWW-Authenticate") == null) {
			mismatches.add(endpoint + " as " + caller.getKey() + ": 401 without a challenge");
		}
		if (expected == 302 && endpoint.access() == Access.VIEWER
				&& !(this.api.base() + "/oauth2/authorization/oidc").equals(response.header("Location"))) {
			mismatches.add(endpoint + " as " + caller.getKey() + ": redirected to " + response.header("Location"));
		}
	}

	/**
	 * What a refused request must not have changed: the sentinel row of the dashboard
	 * projection, the parked events, how far the dead letters were re-driven.
	 */
	private String state() {
		long sentinel = this.jdbc.sql("SELECT count(*) FROM dashboard_incidents WHERE incident_id = ?")
			.param(SENTINEL)
			.query(Long.class)
			.single();
		List<String> parked = this.jdbc.sql("SELECT incident_id || '@' || sequence FROM parked_events ORDER BY 1")
			.query(String.class)
			.list();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			Object redriven = admin.listConsumerGroupOffsets(this.consumerGroup + "-redrive")
				.partitionsToOffsetAndMetadata()
				.get();
			return "sentinel=" + sentinel + " parked=" + parked + " redriven=" + redriven;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response request(String method, String url, String token, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			// the event stream never ends: the first bytes that came are enough
			try (InputStream body = response.body()) {
				byte[] start = new byte[300];
				int read = body.read(start);
				return new Response(response, new String(start, 0, Math.max(read, 0), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Endpoint viewer(String method, String template, int allowed) {
		return new Endpoint(method, template, false, Access.VIEWER, allowed);
	}

	private static Endpoint anyone(String method, String template, int allowed) {
		return new Endpoint(method, template, false, Access.ANYONE, allowed);
	}

	private static Endpoint admin(String method, String template, int allowed) {
		return new Endpoint(method, template, true, Access.ADMIN, allowed);
	}

	private static Endpoint management(String method, String template, int allowed) {
		return new Endpoint(method, template, true, Access.ANYONE, allowed);
	}

	private static Endpoint managementNobody(String method, String template) {
		return new Endpoint(method, template, true, Access.NOBODY, 0);
	}

	private static Endpoint missing(boolean management, String method, String template) {
		return new Endpoint(method, template, management, Access.MISSING, 404);
	}

	private static Endpoint page(String template) {
		return new Endpoint("GET", template, false, Access.VIEWER, 200);
	}

	private static Endpoint nobody(String method, String template) {
		return new Endpoint(method, template, false, Access.NOBODY, 0);
	}

	enum Access {

		ANYONE, VIEWER, ADMIN, NOBODY, MISSING, BEFORE_TOKENS

	}

	/**
	 * An endpoint, the port it is asked on, who may use it and what they get.
	 */
	record Endpoint(String method, String template, boolean management, Access access, int allowed) {

		boolean changes() {
			return !"GET".equals(this.method);
		}

		boolean page() {
			return this.template.startsWith("/dashboard");
		}

		int expectedFor(String caller) {
			if (this.access == Access.MISSING || this.access == Access.BEFORE_TOKENS) {
				return this.allowed;
			}
			if (TOKEN_PROBLEMS.contains(caller)) {
				return 401;
			}
			boolean anonymous = "anonymous".equals(caller);
			return switch (this.access) {
				case ANYONE -> this.allowed;
				case VIEWER -> anonymous ? (page() ? 302 : 401) : this.allowed;
				case ADMIN -> anonymous ? 401 : "admin".equals(caller) ? this.allowed : 403;
				default -> anonymous ? 401 : 403;
			};
		}

		@Override
		public String toString() {
			return this.method + " " + (this.management ? ":management" : ":public") + this.template;
		}

	}

	record Response(HttpResponse<InputStream> response, String start) {

		int status() {
			return this.response.statusCode();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
