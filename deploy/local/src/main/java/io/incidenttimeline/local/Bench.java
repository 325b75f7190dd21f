package io.incidenttimeline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the benchmark modes share: HTTP with a bearer token, JDBC to the local system's
 * databases, waiting until events are visible, percentiles.
 */
final class Bench {

	static final ObjectMapper JSON = new ObjectMapper();

	static final Duration VISIBLE_TIMEOUT = Duration.ofMinutes(5);

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Bench() {
	}

	/**
	 * POSTs JSON and reads the answer; any status from 300 up fails the benchmark.
	 */
	static JsonNode post(String token, String url, String json) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
		return json(response);
	}

	static HttpRequest.Builder request(String url, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			requireOk(response);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	static void requireOk(HttpResponse<String> response) {
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
	}

	static long count(String jdbcUrl, String sql, Object... parameters) throws SQLException {
		try (Connection connection = connect(jdbcUrl); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * A fresh database on the local system's PostgreSQL for a raw baseline (dropped first
	 * if a previous run left it).
	 */
	static String scratchDatabase(LocalSystem system, String name) throws SQLException {
		String postgres = system.jdbcUrl("postgres");
		try (Connection admin = connect(postgres)) {
			admin.createStatement().execute("drop database if exists " + name);
			admin.createStatement().execute("create database " + name);
		}
		return system.jdbcUrl(name);
	}

	/**
	 * Polls until the query returns at least {@code expected} rows of (incident id,
	 * sequence, visible at), then returns them keyed {@code id/sequence}; fails after
	 * {@link #VISIBLE_TIMEOUT}.
	 */
	static Map<String, Instant> awaitVisible(String jdbc, String query, List<String> ids, int expected)
			throws SQLException, InterruptedException {
		Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
		try (Connection connection = connect(jdbc); PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
			while (true) {
				Map<String, Instant> visible = new HashMap<>();
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						visible.put(rows.getString(1) + "/" + rows.getLong(2), rows.getTimestamp(3).toInstant());
					}
				}
				if (visible.size() >= expected) {
					return visible;
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(
							"only " + visible.size() + " of " + expected + " events visible after " + VISIBLE_TIMEOUT);
				}
				Thread.sleep(100);
			}
		}
	}

	/**
	 * Runs {@code concurrency} copies of the client and waits for all; the first failure
	 * fails the benchmark.
	 */
	static void runClients(int concurrency, Callable<Void> client) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Void>> running = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				running.add(pool.submit(client));
			}
			for (Future<Void> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e9;
	}

	static double millis(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e6;
	}

	/**
	 * The nearest-rank quantile of all samples (q = 1 is the maximum).
	 */
	static double quantile(double[] samples, double q) {
		if (samples.length == 0) {
			return Double.NaN;
		}
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	static void progress(PrintStream out, String format, Object... arguments) {
		out.printf("  [%tT] %s%n", Instant.now().atZone(java.time.ZoneOffset.UTC), String.format(format, arguments));
	}

}
