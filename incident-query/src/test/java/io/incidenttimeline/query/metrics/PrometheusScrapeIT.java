package io.incidenttimeline.query.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import io.incidenttimeline.identity.LocalIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by {@code .ci/install-tools})
 * scrapes the query service and answers PromQL over the MTTx histograms, as a dashboard
 * in Grafana would ask it.
 */
@RunningQueryService
class PrometheusScrapeIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	EventsTopic topic;

	/** Prometheus scrapes the management port, as in production. */
	@LocalManagementPort
	int managementPort;

	private Process prometheus;

	private Path directory;

	@AfterEach
	void stopPrometheus() throws InterruptedException {
		if (this.prometheus != null) {
			this.prometheus.destroy();
			this.prometheus.waitFor(10, TimeUnit.SECONDS);
		}
		if (this.directory != null) {
			FileSystemUtils.deleteRecursively(this.directory.toFile());
		}
	}

	@Test
	void prometheusScrapesTheMttrHistogramPerSeverityAndAnswersQuantileQueries() throws Exception {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared(), story.resolved("fixed"));
		int prometheusPort = LocalIdentityProvider.freePort();
		startPrometheus(prometheusPort);

		JsonNode count = awaitResult(prometheusPort, "incident_mttr_seconds_count{severity=\"SEV-3\"}");
		JsonNode median = awaitResult(prometheusPort,
				"histogram_quantile(0.5, sum by (le, severity) (incident_mttr_seconds_bucket))");

		assertThat(count.get(0).path("value").get(1).asText()).isEqualTo("1");
		assertThat(median.get(0).path("metric").path("severity").asText()).isEqualTo("SEV-3");
		assertThat(median.get(0).path("value").get(1).asDouble()).as("one incident resolved 6 minutes after impact")
			.isPositive();
	}

	private void startPrometheus(int prometheusPort) throws IOException {
		this.directory = Files.createTempDirectory("prometheus-");
		Path config = this.directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				scrape_configs:
				  - job_name: incident-query
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["127.0.0.1:%d"]
				""".formatted(this.managementPort));
		this.prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
				"--storage.tsdb.path=" + this.directory.resolve("data"),
				"--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("prometheus.log").toFile())
			.start();
	}

	private JsonNode awaitResult(int prometheusPort, String query) {
		URI uri = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8));
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(this.prometheus.isAlive()).as("prometheus is running").isTrue();
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).build(),
						HttpResponse.BodyHandlers.ofString());
				return (response.statusCode() == 200) ? JSON.readTree(response.body()).path("data").path("result")
						: JSON.createArrayNode();
			}, (result) -> result.size() > 0);
	}

}
