package io.incidenttimeline.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.testsupport.TestPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The service with PostgreSQL behind a connection a test can cut. With the database
 * unreachable, commands and alert webhooks answer 503 problem JSON with
 * {@code Retry-After} within two seconds, rather than waiting half a minute for a
 * connection and answering 500; once it is back they work again. The end-to-end test that
 * stops and starts a real PostgreSQL is in {@code deploy/local}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

	static final Duration QUICKLY = Duration.ofSeconds(2);

	static final String ALERTMANAGER_TOKEN = "local-alertmanager-token";

	TestPostgres.Database database;

	TcpProxy proxy;

	ConfigurableApplicationContext service;

	CommandApi api;

	@BeforeAll
	void start() {
		this.database = TestPostgres.database("command_outage_it");
		URI server = URI.create(this.database.jdbcUrl().substring("jdbc:".length()));
		this.proxy = new TcpProxy(server.getHost(), server.getPort());
		TestPostgres.Database proxied = new TestPostgres.Database(
				"jdbc:postgresql://127.0.0.1:" + this.proxy.port() + server.getPath(), this.database.username(),
				this.database.password());
		this.service = new SpringApplicationBuilder(IncidentCommandApplication.class)
			.initializers(new TestInfrastructure(proxied))
			.profiles(TestInfrastructure.PROFILE)
			.run("--server.port=0");
		this.api = new CommandApi(
				this.service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	void stop() {
		if (this.service != null) {
			this.proxy.restore();
			this.service.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	@Test
	void case7CommandsAndAlertWebhooksAnswer503WithRetryAfterWithinTwoSecondsWhenPostgresIsUnreachable() {
		String id = this.api.declare();
		this.proxy.cut();
		try {
			assertUnavailableQuickly(
					() -> this.api.post("/api/incidents/" + id + "/notes", "{\"note\":\"still there?\"}"));
			assertUnavailableQuickly(() -> this.api.post("/api/incidents", """
					{"title":"Everything fails","severity":"SEV-1","services":["checkout"]}"""));
			assertUnavailableQuickly(
					() -> this.api.post("/api/alerts/alertmanager", resource("alertmanager-0.25-firing.json"),
							HttpHeaders.AUTHORIZATION, "Bearer " + ALERTMANAGER_TOKEN));
			assertUnavailableQuickly(() -> this.api.post("/v2/enqueue", resource("pagerduty-trigger.json").replaceAll(
					"\"routing_key\"\\s*:\\s*\"[^\"]*\"", "\"routing_key\":\"local0pagerduty0routing0key00001\"")));
		}
		finally {
			this.proxy.restore();
		}
		Awaitility.await("commands work again once PostgreSQL is back")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.api.post("/api/incidents/" + id + "/notes", "{\"note\":\"back\"}").status() == 200);
	}

	/**
	 * A transaction holding the lock of an alert (a stuck instance) makes the next sender
	 * of that alert wait only for the lock timeout, then hear 503 and retry.
	 */
	@Test
	void alertIngestionBehindAStuckLockAnswers503InsteadOfHanging() throws Exception {
		Awaitility.await("the service answers")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/alerts?limit=1").status() == 200);
		try (Connection stuck = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
				this.database.password()); Statement statement = stuck.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(hashtextextended('alert alertmanager beb69e792e2dfd2e', 0))");

			Response response = assertTimeoutPreemptively(Duration.ofSeconds(4),
					() -> this.api.post("/api/alerts/alertmanager", resource("alertmanager-0.25-firing.json"),
							HttpHeaders.AUTHORIZATION, "Bearer " + ALERTMANAGER_TOKEN),
					"waited for the lock timeout, not for the lock");

			assertUnavailable(response);
			Response unrelated = this.api.post("/api/alerts/alertmanager",
					resource("alertmanager-0.25-firing.json").replace("beb69e792e2dfd2e", "0123456789abcdef")
						.replace("checkout", "search"),
					HttpHeaders.AUTHORIZATION, "Bearer " + ALERTMANAGER_TOKEN);
			assertThat(unrelated.status()).as("an unrelated alert does not wait: " + unrelated.body()).isEqualTo(200);
		}
		Response retried = this.api.post("/api/alerts/alertmanager", resource("alertmanager-0.25-firing.json"),
				HttpHeaders.AUTHORIZATION, "Bearer " + ALERTMANAGER_TOKEN);
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
	}

	private static void assertUnavailableQuickly(Supplier<Response> request) {
		long started = System.nanoTime();
		Response response = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertUnavailable(response);
		assertThat(took).as("answered within " + QUICKLY).isLessThan(QUICKLY);
	}

	private static void assertUnavailable(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(response.json().get("status").asInt()).isEqualTo(503);
	}

	private static String resource(String name) {
		try (InputStream in = DatabaseOutageIT.class.getResourceAsStream("/alerts/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
