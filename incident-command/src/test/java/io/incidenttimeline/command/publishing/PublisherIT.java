package io.incidenttimeline.command.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.command.TestIdentity;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox through a real PostgreSQL event store and a real Kafka broker.
 */
@CommandServiceIT
@TestPropertySource(properties = "incident-timeline.topic=" + PublisherIT.TOPIC)
class PublisherIT {

	static final String TOPIC = "publisher-it-events";

	private static KafkaConsumer<String, byte[]> consumer;

	private static final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	EventStore eventStore;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void subscribe() {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "publisher-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		consumer.subscribe(List.of(TOPIC));
	}

	@AfterAll
	static void close() {
		consumer.close();
	}

	@Test
	void everyStoredEventReachesKafkaKeyedByIncidentInSequenceOrderAsTheStoreHasIt() {
		IncidentId incident = declare("Search is slow");
		post(incident, "acknowledgements", "{}");
		post(incident, "severity", "{\"severity\":\"SEV-2\",\"reason\":\"worse\"}");
		post(incident, "status", "{\"status\":\"identified\"}");
		post(incident, "mitigations", "{\"kind\":\"failover\",\"description\":\"to eu-west\"}");
		post(incident, "resolution", "{\"summary\":\"fixed\"}");

		List<ConsumerRecord<String, byte[]>> records = awaitRecords(incident, 6);

		assertThat(records).allSatisfy((record) -> {
			assertThat(record.key()).isEqualTo(incident.toString());
			assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
				.isEqualTo(IncidentEventCodec.CONTENT_TYPE);
		});
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		List<EventEnvelope> published = records.stream().map((r) -> IncidentEventCodec.decode(r.value())).toList();
		List<EventEnvelope> stored = this.eventStore.readEvents(incident.toString())
			.asStream()
			.map(StoredEvents::toEnvelope)
			.toList();
		assertThat(published).containsExactlyElementsOf(stored);
		assertThat(published).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
	}

	/**
	 * A display name beyond Latin-1 survives the token, the event store's metadata, the
	 * audit trail's JSON and the Kafka record (the CloudEvents extension
	 * {@code actorname}), byte for byte in UTF-8. Victor is a viewer at the identity
	 * provider: this token, signed with its key, makes him a responder.
	 */
	@Test
	void aNonAsciiDisplayNameIsStoredAndPublishedExactly() {
		String victor = TestIdentity.signed(Map.of("sub", "victor", "name", "Victor Nguyễn", "preferred_username",
				"victor", "roles", List.of("responder")));
		Response declared = api().post("/api/incidents", """
				{"title":"Ünïcode everywhere","severity":"SEV-3","services":["search"]}""", "Authorization",
				"Bearer " + victor);
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		IncidentId incident = IncidentId.parse(declared.json().get("incidentId").asString());

		JsonNode trail = api().get("/api/incidents/" + incident + "/events").json();
		assertThat(trail.get(0).get("actor").asString()).isEqualTo("victor");
		assertThat(trail.get(0).get("actorName").asString()).isEqualTo("Victor Nguyễn");

		ConsumerRecord<String, byte[]> record = awaitRecords(incident, 1).get(0);
		EventEnvelope published = IncidentEventCodec.decode(record.value());
		assertThat(published.actor()).isEqualTo("victor");
		assertThat(published.actorName()).isEqualTo("Victor Nguyễn");
		assertThat(published.source()).isEqualTo("incident-cli");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("UTF-8, not escaped")
			.contains("Victor Nguyễn");
	}

	@Test
	void freshPublisherOverAnExistingStorePublishesFromTheFirstEvent() {
		StreamingEventProcessor publisher = this.processing
			.eventProcessor(PublishingConfiguration.PROCESSING_GROUP, StreamingEventProcessor.class)
			.orElseThrow();
		publisher.shutDown();
		IncidentId before = declare("Stored while no publisher ran");
		post(before, "notes", "{\"note\":\"still no publisher\"}");
		this.jdbc.update("delete from token_entry where processor_name = ?", PublishingConfiguration.PROCESSING_GROUP);
		int publishedBefore = received.size();

		publisher.start();

		List<ConsumerRecord<String, byte[]>> records = awaitRecords(before, 2);
		assertThat(records).extracting((r) -> IncidentEventCodec.decode(r.value()).sequence()).containsExactly(1L, 2L);
		assertThat(received.size() - publishedBefore).as("the whole store is published again, from the first event")
			.isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Long.class,
				PublishingConfiguration.PROCESSING_GROUP))
			.as("a new token store starts the publisher with one segment, so its batches hold every event at hand")
			.isEqualTo(1);
	}

	/**
	 * The lag is read from the token store all instances share; a segment's stored token
	 * trails its progress by at most the processor's claim extension (5 s).
	 */
	@Test
	void lagIsZeroOnceKafkaAcknowledgedEverything() {
		IncidentId incident = declare("Lag check");
		awaitRecords(incident, 1);

		Awaitility.await("publisher lag 0").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = new CommandApi(this.managementPort).anonymous().get("/actuator/prometheus").body();
			assertThat(metrics).contains("incident_publisher_lag_events 0.0")
				.containsPattern("incident_publisher_events_published_total [1-9]");
		});
	}

	private IncidentId declare(String title) {
		Response declared = api().post("/api/incidents", "{\"title\":\"" + title + "\",\"severity\":\""
				+ Severity.SEV_3.label() + "\",\"services\":[\"search\"]}");
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return IncidentId.parse(declared.json().get("incidentId").asString());
	}

	@Test
	void thePublisherHearsOfNewEventsInsteadOfPollingForThem() {
		assertThat(Thread.getAllStackTraces().keySet())
			.as("the watcher of PromptEventSource runs while the publisher reads")
			.anyMatch((thread) -> thread.getName().equals("kafka-publisher-arrivals") && thread.isAlive());
	}

	private void post(IncidentId incident, String path, String json) {
		Response response = api().as("carol").post("/api/incidents/" + incident + "/" + path, json);
		assertThat(response.status()).as(response.body()).isBetween(200, 299);
	}

	private CommandApi api() {
		return new CommandApi(this.port);
	}

	/**
	 * Polls the consumer in the test's thread (a Kafka consumer is not for sharing) until
	 * the incident's records arrived.
	 */
	private static List<ConsumerRecord<String, byte[]>> awaitRecords(IncidentId incident, int count) {
		return Awaitility.await("at least " + count + " records of " + incident)
			.atMost(Duration.ofSeconds(60))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(10))
			.until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
				return received.stream().filter((r) -> incident.toString().equals(r.key())).toList();
			}, (mine) -> mine.size() >= count);
	}

}
