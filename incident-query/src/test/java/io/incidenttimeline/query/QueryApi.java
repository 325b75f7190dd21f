package io.incidenttimeline.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.core.env.Environment;

/**
 * A plain HTTP client for the running query service, answers as text, JSON trees or HTML
 * documents. As built it asks the public port with a viewer's bearer token
 * ({@link TestIdentity#VIEWER}), as a dashboard reader would; {@link #admin()} asks the
 * management port as an admin, {@link #management()} the management port without a token,
 * {@link #as(String)} with another token, {@link #anonymous()} without one.
 */
public final class QueryApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Environment environment;

	private final String portProperty;

	private final Supplier<String> token;

	/**
	 * The service of that environment, on the port it listens on once started.
	 */
	public QueryApi(Environment environment) {
		this(environment, "local.server.port", () -> TestIdentity.accessToken(TestIdentity.VIEWER));
	}

	private QueryApi(Environment environment, String portProperty, Supplier<String> token) {
		this.environment = environment;
		this.portProperty = portProperty;
		this.token = token;
	}

	/** The management port as an admin ({@link TestIdentity#ADMIN}). */
	public QueryApi admin() {
		return new QueryApi(this.environment, "local.management.port",
				() -> TestIdentity.accessToken(TestIdentity.ADMIN));
	}

	/** The management port without a token. */
	public QueryApi management() {
		return new QueryApi(this.environment, "local.management.port", () -> null);
	}

	/** The same port without a token. */
	public QueryApi anonymous() {
		return withToken(null);
	}

	/** The same port with a sample person's token. */
	public QueryApi as(String person) {
		return new QueryApi(this.environment, this.portProperty, () -> TestIdentity.accessToken(person));
	}

	/** The same port with this bearer token (null: none). */
	public QueryApi withToken(String token) {
		return new QueryApi(this.environment, this.portProperty, () -> token);
	}

	/** The public port. */
	public String base() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	/** The port this client asks. */
	public String url() {
		return "http://localhost:" + this.environment.getRequiredProperty(this.portProperty);
	}

	/** The {@code Authorization} header this client sends, null for none. */
	public String authorization() {
		String token = this.token.get();
		return (token != null) ? "Bearer " + token : null;
	}

	public Answer get(String path) {
		return send(request(path).GET());
	}

	public Answer post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Answer send(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path));
		String authorization = authorization();
		return (authorization != null) ? request.header("Authorization", authorization) : request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
