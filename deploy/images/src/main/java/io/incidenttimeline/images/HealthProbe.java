package io.incidenttimeline.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The images' exec health check, for runtimes that probe by running a command (Docker
 * Compose, ECS, Nomad) in an image with neither a shell nor curl:
 * {@code java -jar /opt/health-probe/health-probe.jar [URL]}. Exits 0 when the URL
 * answers HTTP 200 with an actuator health body whose status is {@code UP}, else 1.
 * Without an argument it asks the management port's readiness group:
 * {@code http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness}. Depends on the JDK
 * only.
 */
public final class HealthProbe {

	private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private static final int TIMEOUT_MILLIS = 3000;

	private static final int MAX_BODY_BYTES = 64 * 1024;

	private HealthProbe() {
	}

	public static void main(String[] args) {
		String url = (args.length > 0) ? args[0] : defaultUrl(System.getenv("MANAGEMENT_PORT"));
		if (url == null) {
			System.err.println("usage: java -jar health-probe.jar URL (or set MANAGEMENT_PORT)");
			System.exit(1);
		}
		Result result = probe(url);
		(result.healthy() ? System.out : System.err).println(result.message());
		System.exit(result.healthy() ? 0 : 1);
	}

	static String defaultUrl(String managementPort) {
		if (managementPort == null || managementPort.isBlank()) {
			return null;
		}
		return "http://127.0.0.1:" + managementPort.trim() + "/actuator/health/readiness";
	}

	static Result probe(String url) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(TIMEOUT_MILLIS);
			connection.setReadTimeout(TIMEOUT_MILLIS);
			connection.setRequestProperty("Accept", "application/json");
			int status = connection.getResponseCode();
			String body = read((status < 400) ? connection.getInputStream() : connection.getErrorStream());
			boolean up = status == 200 && STATUS_UP.matcher(body).find();
			return new Result(up, url + " -> HTTP " + status + " " + body.strip());
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Result(false, url + " -> " + ex);
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}

	private static String read(InputStream in) throws IOException {
		if (in == null) {
			return "";
		}
		try (in) {
			return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
		}
	}

	record Result(boolean healthy, String message) {
	}

}
