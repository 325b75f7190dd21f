package io.incidenttimeline.command;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The command API as a client sees it: raw JSON in, status, headers and JSON out. Every
 * request carries a real access token of one sample person ({@link TestIdentity}), alice
 * (a responder) unless {@link #as} names another; an explicit {@code Authorization}
 * header replaces it.
 */
public final class CommandApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient client;

	private final int port;

	/**
	 * Who the requests come from: a sample person or client, or null for nobody.
	 */
	private final String who;

	public CommandApi(int port) {
		this(port, "alice");
	}

	private CommandApi(int port, String who) {
		this.port = port;
		this.who = who;
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	/**
	 * The same API, called by another sample person or client (carol the commander,
	 * victor the viewer, ada the admin, automation, ...).
	 */
	public CommandApi as(String who) {
		return new CommandApi(this.port, who);
	}

	/**
	 * The same API, called without any credential.
	 */
	public CommandApi anonymous() {
		return new CommandApi(this.port, null);
	}

	public Response post(String path, String json, String... headers) {
		return post(path, MediaType.APPLICATION_JSON, json, headers);
	}

	public Response post(String path, MediaType contentType, String body, String... headers) {
		List<String> all = authorization(headers);
		return send(this.client.post()
			.uri(path)
			.contentType(contentType)
			.headers((h) -> apply(h, all))
			.body(body)
			.exchange()
			.returnResult(String.class));
	}

	public Response put(String path, String json, String... headers) {
		return send(HttpMethod.PUT, path, json, headers);
	}

	public Response patch(String path, String json, String... headers) {
		return send(HttpMethod.PATCH, path, json, headers);
	}

	private Response send(HttpMethod method, String path, String json, String... headers) {
		List<String> all = authorization(headers);
		return send(this.client.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((h) -> apply(h, all))
			.body(json)
			.exchange()
			.returnResult(String.class));
	}

	public Response get(String path, String... headers) {
		List<String> all = authorization(headers);
		return send(this.client.get().uri(path).headers((h) -> apply(h, all)).exchange().returnResult(String.class));
	}

	public String declare() {
		Response response = post("/api/incidents", """
				{"title":"Checkout fails","severity":"SEV-1","services":["checkout"]}""");
		if (response.status() != 201) {
			throw new IllegalStateException("declaration failed: " + response);
		}
		return response.json().get("incidentId").asString();
	}

	private List<String> authorization(String... headers) {
		List<String> all = new ArrayList<>();
		if (this.who != null) {
			all.addAll(List.of(HttpHeaders.AUTHORIZATION, TestIdentity.bearer(this.who)));
		}
		all.addAll(List.of(headers));
		return all;
	}

	private static void apply(HttpHeaders target, List<String> namesAndValues) {
		for (int i = 0; i < namesAndValues.size(); i += 2) {
			target.set(namesAndValues.get(i), namesAndValues.get(i + 1));
		}
	}

	private static Response send(EntityExchangeResult<String> result) {
		return new Response(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * The fields a problem response names in {@code errors[]}.
		 */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json().path("errors").forEach((error) -> fields.add(error.get("field").asString()));
			return fields;
		}

	}

}
