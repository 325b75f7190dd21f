package io.incidenttimeline.command.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.identity.LocalIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) delivering to
 * our webhook over loopback, with short group and repeat intervals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerIT extends AlertsITSupport {

	Process alertmanager;

	int alertmanagerPort;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void startAlertmanager() throws IOException, InterruptedException {
		Path dir = Files.createDirectories(Path.of("target", "alertmanager-it"));
		Path data = Files.createTempDirectory(dir, "data");
		this.alertmanagerPort = LocalIdentityProvider.freePort();
		Path config = dir.resolve("alertmanager.yml");
		Files.writeString(config, """
				global:
				  resolve_timeout: 10s
				route:
				  receiver: timeline
				  group_by: [alertname, service]
				  group_wait: 1s
				  group_interval: 2s
				  repeat_interval: 4s
				receivers:
				  - name: timeline
				    webhook_configs:
				      - url: http://127.0.0.1:%d/api/alerts/alertmanager
				        send_resolved: true
				        http_config:
				          authorization:
				            type: Bearer
				            credentials: %s
				""".formatted(this.port, AM_TOKEN));
		this.alertmanager = new ProcessBuilder("prometheus-alertmanager", "--config.file=" + config.toAbsolutePath(),
				"--storage.path=" + data.toAbsolutePath(), "--web.listen-address=127.0.0.1:" + this.alertmanagerPort,
				"--cluster.listen-address=")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		awaiting("Alertmanager is ready").ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> this.http
				.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl("/-/ready"))).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200);
	}

	@AfterAll
	void stopAlertmanager() throws InterruptedException {
		if (this.alertmanager != null) {
			this.alertmanager.destroy();
			this.alertmanager.waitFor();
		}
	}

	@Test
	void firingAlertDeclaresAnIncidentOnceAndItsResolutionResolvesIt() throws Exception {
		Instant startsAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		Instant testStarted = Instant.now().truncatedTo(ChronoUnit.MICROS);
		pushAlert("payments", "critical", startsAt, null);

		JsonNode receipt = eventually("the alert reaches us", () -> receipt("payments"));
		String incidentId = receipt.get("incidentId").asString();
		JsonNode events = events(incidentId);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");
		JsonNode declared = events.get(0);
		JsonNode triggered = events.get(1);
		assertThat(declared.get("payload").get("severity").asString()).isEqualTo("SEV-1");
		assertThat(declared.get("payload").get("services").get(0).asString()).isEqualTo("payments");
		assertThat(declared.get("payload").get("impactStartedAt").asString()).isEqualTo(Timestamps.format(startsAt));
		assertThat(triggered.get("payload").get("firedAt").asString()).isEqualTo(Timestamps.format(startsAt));
		assertThat(triggered.get("actor").asString()).isEqualTo("alertmanager");
		assertThat(triggered.get("source").asString()).isEqualTo("alertmanager");
		Instant receivedAt = Timestamps.parse(triggered.get("occurredAt").asString());
		assertThat(receivedAt).isAfterOrEqualTo(testStarted).isBeforeOrEqualTo(Instant.now());
		assertThat(triggered.get("backdated").asBoolean()).isFalse();

		awaiting("Alertmanager repeats the notification")
			.until(() -> receipt("payments").get("repeatCount").asInt() >= 1);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");

		Instant endsAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		pushAlert("payments", "critical", startsAt, endsAt);
		awaiting("the resolution reaches us").until(() -> eventTypes(incidentId).contains("IncidentResolved"));
		events = events(incidentId);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertResolved",
				"IncidentResolved");
		JsonNode resolved = events.get(2);
		assertThat(resolved.get("payload").get("resolvedAt").asString()).isEqualTo(Timestamps.format(endsAt));
		assertThat(resolved.get("payload").get("alertKey").asString())
			.isEqualTo(triggered.get("payload").get("alertKey").asString());
		assertThat(receipt("payments").get("state").asString()).isEqualTo("resolved");
	}

	@Test
	void secondAlertOfTheSameServiceJoinsTheOpenIncident() throws Exception {
		Instant startsAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		pushAlert("search", "error", startsAt, null);
		String incidentId = eventually("the first alert reaches us", () -> receipt("search")).get("incidentId")
			.asString();
		pushAlert("search", "error", startsAt, null, "SearchLatencyHigh");
		awaiting("the second alert joins").until(() -> eventTypes(incidentId).size() == 3);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered", "AlertTriggered");
		assertThat(events(incidentId).get(0).get("payload").get("severity").asString()).isEqualTo("SEV-2");
	}

	/**
	 * Issue #9, case 8: a Prometheus rule labelled {@code severity: page}, as many are,
	 * was stored unrouted and opened no incident.
	 */
	@Test
	void case8PageSeverityThroughARealAlertmanagerDeclaresASev1() throws Exception {
		Instant startsAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		pushAlert("storefront", "page", startsAt, null, "StorefrontDown");

		JsonNode receipt = eventually("the alert reaches us", () -> receipt("storefront"));
		assertThat(receipt.path("incidentId").isString()).as("routed to an incident: " + receipt).isTrue();
		String incidentId = receipt.get("incidentId").asString();
		JsonNode events = events(incidentId);
		assertThat(eventTypes(incidentId)).containsExactly("IncidentDeclared", "AlertTriggered");
		assertThat(events.get(0).get("payload").get("severity").asString()).isEqualTo("SEV-1");
		assertThat(events.get(1).get("payload").get("alertSeverity").asString()).isEqualTo("page");
	}

	private JsonNode receipt(String service) {
		JsonNode receipts = get("/api/alerts?integration=alertmanager&service=" + service).json();
		return receipts.isEmpty() ? null : receipts.get(receipts.size() - 1);
	}

	private void pushAlert(String service, String severity, Instant startsAt, Instant endsAt, String... alertname)
			throws IOException, InterruptedException {
		String name = (alertname.length > 0) ? alertname[0] : "HighErrorRate";
		String body = """
				[{"labels":{"alertname":"%s","service":"%s","severity":"%s","instance":"%s-1"},
				  "annotations":{"summary":"%s failing"},
				  "startsAt":"%s",%s
				  "generatorURL":"http://prometheus.example/graph"}]""".formatted(name, service, severity, service,
				service, startsAt, (endsAt != null) ? "\"endsAt\":\"" + endsAt + "\"," : "");
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl("/api/v2/alerts")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private String alertmanagerUrl(String path) {
		return "http://127.0.0.1:" + this.alertmanagerPort + path;
	}

}
