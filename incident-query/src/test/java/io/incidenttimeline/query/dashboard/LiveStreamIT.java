package io.incidenttimeline.query.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's event stream as a client reads it: one {@code applied} message per
 * committed consumer transaction, one that says everything changed per rebuild.
 */
@RunningQueryService
class LiveStreamIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	private CompletableFuture<HttpResponse<Stream<String>>> stream;

	@BeforeEach
	void listen() {
		this.stream = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create(this.api.base() + "/api/stream"))
				.header("Authorization", this.api.authorization())
				.build(), HttpResponse.BodyHandlers.ofLines());
		this.stream.thenAcceptAsync((response) -> collect(response.body()));
		eventually().until(() -> names().contains("hello"));
	}

	@AfterEach
	void stop() {
		this.stream.cancel(true);
	}

	@Test
	void eachCommittedTransactionIsOneMessageNamingTheIncidentAndItsLastSequence() throws IOException {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared());

		Message applied = eventually().until(() -> applied(story, 1), (found) -> found != null);

		JsonNode data = JSON.readTree(applied.data());
		assertThat(data.path("everything").asBoolean()).isFalse();
		assertThat(data.path("incidents")).hasSize(1);
		assertThat(data.path("incidents").get(0).path("sequence").asLong()).isEqualTo(1);
	}

	@Test
	void aRebuildIsOneMessageSayingEverythingChanged() throws IOException {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared(), story.note("one"), story.note("two"));
		eventually().until(() -> applied(story, 3) != null);
		int before = names().size();

		assertThat(this.api.admin().post("/api/admin/projections/dashboard/rebuild").status()).isEqualTo(200);

		eventually().until(() -> names().size() > before);
		Message rebuilt = this.messages.get(before);
		assertThat(rebuilt.event()).isEqualTo("applied");
		assertThat(JSON.readTree(rebuilt.data()).path("everything").asBoolean()).isTrue();
		assertThat(JSON.readTree(rebuilt.data()).path("incidents")).isEmpty();
	}

	/**
	 * Another query instance's consumer applied events: its transaction notified the
	 * channel, and this instance's clients hear of it too.
	 */
	@Test
	void whatAnotherInstanceAppliedReachesThisInstancesClients() {
		UUID elsewhere = UUID.randomUUID();
		String change = "{\"incidentId\":\"" + elsewhere + "\",\"sequence\":7}";

		this.jdbc.queryForList("SELECT pg_notify(?, ?)", LiveFanOut.CHANNEL,
				"{\"everything\":false,\"incidents\":[" + change + "]}");

		eventually().until(() -> this.messages.stream()
			.anyMatch((message) -> message.event().equals("applied") && message.data().contains(change)));
	}

	/**
	 * The {@code applied} message that names the story's incident at that sequence, once
	 * it arrived.
	 */
	private Message applied(IncidentStory story, long sequence) {
		String change = "{\"incidentId\":\"" + story.id() + "\",\"sequence\":" + sequence + "}";
		return this.messages.stream()
			.filter((message) -> message.event().equals("applied") && message.data().contains(change))
			.findFirst()
			.orElse(null);
	}

	private List<String> names() {
		return new ArrayList<>(this.messages.stream().map(Message::event).toList());
	}

	/**
	 * Server-Sent Events: {@code event:} and {@code data:} lines, a blank line ends a
	 * message.
	 */
	private void collect(Stream<String> lines) {
		String[] event = { null };
		StringBuilder data = new StringBuilder();
		lines.forEach((line) -> {
			if (line.startsWith("event:")) {
				event[0] = line.substring("event:".length()).trim();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring("data:".length()));
			}
			else if (line.isEmpty() && event[0] != null) {
				this.messages.add(new Message(event[0], data.toString()));
				event[0] = null;
				data.setLength(0);
			}
		});
	}

	record Message(String event, String data) {
	}

}
