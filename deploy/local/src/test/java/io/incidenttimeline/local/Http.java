package io.incidenttimeline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * A small HTTP client for end-to-end tests: JSON in, {@link DocumentContext} out.
 */
final class Http {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Response post(String url, String actor, String json) {
		return post(url, actor, json, null);
	}

	Response post(String url, String actor, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Actor", actor)
			.header("X-Source", "e2e")
			.POST(HttpRequest.BodyPublishers.ofString(json));
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
