package io.incidenttimeline.images;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		answer("/up", 200, "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");
		answer("/down", 503, "{\"status\":\"DOWN\"}");
		answer("/out-of-service", 200, "{\"status\":\"OUT_OF_SERVICE\"}");
		answer("/no-body", 200, "");
		answer("/missing", 404, "{\"status\":\"UP\"}");
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void healthyOnlyForHttp200WithStatusUp() {
		assertThat(HealthProbe.probe(url("/up")).healthy()).isTrue();
		assertThat(HealthProbe.probe(url("/down")).healthy()).isFalse();
		assertThat(HealthProbe.probe(url("/out-of-service")).healthy()).isFalse();
		assertThat(HealthProbe.probe(url("/no-body")).healthy()).isFalse();
		assertThat(HealthProbe.probe(url("/missing")).healthy()).isFalse();
	}

	@Test
	void unhealthyWhenNothingListensOrTheUrlIsBad() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		HealthProbe.Result refused = HealthProbe.probe("http://127.0.0.1:" + closedPort + "/actuator/health");
		assertThat(refused.healthy()).isFalse();
		assertThat(refused.message()).contains("ConnectException");
		assertThat(HealthProbe.probe("not a url").healthy()).isFalse();
	}

	@Test
	void defaultsToTheManagementPortsReadinessGroup() {
		assertThat(HealthProbe.defaultUrl("9081")).isEqualTo("http://127.0.0.1:9081/actuator/health/readiness");
		assertThat(HealthProbe.defaultUrl(null)).isNull();
		assertThat(HealthProbe.defaultUrl(" ")).isNull();
	}

	private void answer(String path, int status, String body) {
		this.server.createContext(path, (exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

}
