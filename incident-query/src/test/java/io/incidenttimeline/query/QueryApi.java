package io.incidenttimeline.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.core.env.Environment;

/**
 * A plain HTTP client for the running query service, answers as text, JSON trees or HTML
 * documents.
 */
public final class QueryApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Environment environment;

	/**
	 * The service of that environment, on the port it listens on once started.
	 */
	public QueryApi(Environment environment) {
		this.environment = environment;
	}

	public String base() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
	}

	public Answer post(String path) {
		return send(
				HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Answer(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.response.body();
		}

		public JsonNode json() {
			try {
				return JSON.readTree(this.response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + this.response.body(), ex);
			}
		}

		public Document html() {
			return Jsoup.parse(this.response.body(), this.response.uri().toString());
		}

	}

}
