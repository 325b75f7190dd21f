package io.incidenttimeline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.incidenttimeline.identity.LocalIdentityProvider;

/**
 * A small HTTP client for end-to-end tests: JSON in, {@link DocumentContext} out. Every
 * request is made as one of the local identity provider's sample people, with a real
 * access token from it: {@code alice} (responder), {@code carol} (commander),
 * {@code victor} (viewer), {@code ada} (admin).
 */
final class Http {

	/** Who reads when a test does not say: a viewer. */
	static final String READER = "victor";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final LocalIdentityProvider identity;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	Http(String identityUrl) {
		this.identity = LocalIdentityProvider.at(identityUrl);
	}

	/**
	 * A fresh-enough access token of that person (tokens live minutes; a test run is
	 * shorter, and a rejected token is fetched again).
	 */
	String token(String person) {
		return this.tokens.computeIfAbsent(person, this.identity::accessToken);
	}

	Response post(String url, String person, String json) {
		return post(url, person, json, null);
	}

	Response post(String url, String person, String json, String idempotencyKey) {
		return send("POST", url, person, json, idempotencyKey);
	}

	Response put(String url, String person, String json) {
		return send("PUT", url, person, json, null);
	}

	Response patch(String url, String person, String json) {
		return send("PATCH", url, person, json, null);
	}

	private Response send(String method, String url, String person, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token(person))
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	/**
	 * Posts until the service answers, as a client with an idempotency key may: a retry
	 * after a lost answer must not record the command twice.
	 */
	Response postUntilAnswered(String url, String actor, String json, Duration patience) {
		String key = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			try {
				Response response = post(url, actor, json, key);
				if (response.status() < 500) {
					return response;
				}
			}
			catch (IllegalStateException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("no answer from " + url + " within " + patience);
			}
			sleep(200);
		}
	}

	Response get(String url) {
		return get(url, READER);
	}

	Response get(String url, String person) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token(person))
			.GET()
			.build());
	}

	/**
	 * A POST without a token: senders that authenticate in the body (PagerDuty's routing
	 * key).
	 */
	Response postAnonymously(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	Response getAnonymously(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Response(int status, String body, HttpHeaders headers) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		DocumentContext json() {
			return JsonPath.parse(this.body);
		}

		<T> T read(String path) {
			return json().read(path);
		}

	}

}
