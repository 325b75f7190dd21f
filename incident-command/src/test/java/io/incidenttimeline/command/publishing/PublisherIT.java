package io.incidenttimeline.command.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.incidenttimeline.command.incident.StoredEvents;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.Infrastructure;
import io.incidenttimeline.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox through a real PostgreSQL event store and a real Kafka broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublisherIT {

	private static final String TOPIC = "publisher-it-events";

	private static KafkaConsumer<String, byte[]> consumer;

	private static final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

	static {
		System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry, "publisher_it");
		registry.add("incident-timeline.topic", () -> TOPIC);
	}

	@LocalServerPort
	int port;

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
	}

	@Test
	void lagIsZeroOnceKafkaAcknowledgedEverything() {
		IncidentId incident = declare("Lag check");
		awaitRecords(incident, 1);

		String metrics = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.returnResult(String.class)
			.getResponseBody();

		assertThat(metrics).contains("incident_publisher_lag_events 0.0")
			.containsPattern("incident_publisher_events_published_total [1-9]");
	}

	private IncidentId declare(String title) {
		String body = client().post()
			.uri("/api/incidents")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Actor", "alice")
			.body("{\"title\":\"" + title + "\",\"severity\":\"" + Severity.SEV_3.label()
					+ "\",\"services\":[\"search\"]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		return IncidentId.parse(body.replaceAll(".*\"incidentId\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
	}

	private void post(IncidentId incident, String path, String json) {
		client().post()
			.uri("/api/incidents/" + incident + "/" + path)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Actor", "bob")
			.body(json)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private RestTestClient client() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private static List<ConsumerRecord<String, byte[]>> awaitRecords(IncidentId incident, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			List<ConsumerRecord<String, byte[]>> mine = received.stream()
				.filter((r) -> incident.toString().equals(r.key()))
				.collect(Collectors.toList());
			if (mine.size() >= count) {
				return mine;
			}
		}
		throw new AssertionError("fewer than " + count + " records of " + incident + " within 60 s");
	}

}
