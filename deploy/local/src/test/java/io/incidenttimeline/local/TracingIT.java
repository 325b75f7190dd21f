package io.incidenttimeline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command's trace reaches the projection: the command service's JSON log line for
 * recording the event and the query service's line for applying it carry one trace id
 * (HTTP request → event metadata {@code traceparent} → CloudEvents extension and record
 * header on Kafka → the projection's observation).
 */
class TracingIT {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static LocalSystem system;

	private final Http http = new Http(system.identityUrl());

	@BeforeAll
	static void useSharedSystem() {
		system = SharedSystem.get();
	}

	@Test
	void projectionLogsTheTraceIdOfTheRequestThatRecordedTheEvent() {
		Http.Response declared = this.http.post(system.commandUrl() + "/api/incidents", "alice", """
				{"title":"Traced %s","severity":"SEV-3","services":["tracing"],"commander":"alice"}"""
			.formatted(UUID.randomUUID()));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		String incident = declared.read("$.incidentId");

		String recorded = "recorded IncidentDeclared seq 1 of incident " + incident;
		String applied = "applied IncidentDeclared seq 1 of incident " + incident;
		JsonNode commandLine = await().atMost(VISIBLE_WITHIN)
			.until(() -> line(system.jsonLogFile("incident-command", 0), recorded), Optional::isPresent)
			.orElseThrow();
		JsonNode queryLine = await().atMost(VISIBLE_WITHIN)
			.until(() -> line(system.jsonLogFile("incident-query", 0), applied), Optional::isPresent)
			.orElseThrow();

		String traceId = commandLine.path("traceId").asText();
		assertThat(traceId).as("trace id of %s", commandLine).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
		assertThat(queryLine.path("traceId").asText()).as("trace id of %s", queryLine).isEqualTo(traceId);
		assertThat(queryLine.path("spanId").asText()).as("the projection's own span")
			.matches("[0-9a-f]{16}")
			.isNotEqualTo(commandLine.path("spanId").asText());

		ConsumerRecord<String, byte[]> record = record(incident);
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("the CloudEvents extension")
			.contains("\"traceparent\":\"00-" + traceId + "-");
		Header header = record.headers().lastHeader("traceparent");
		assertThat(header).as("the record's traceparent header").isNotNull();
		assertThat(new String(header.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
	}

	/**
	 * The incident's first record on the topic, read from the beginning of every
	 * partition.
	 */
	private static ConsumerRecord<String, byte[]> record(String incident) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor("incident-events")
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			return await().atMost(VISIBLE_WITHIN).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (incident.equals(record.key())) {
						return Optional.of(record);
					}
				}
				return Optional.<ConsumerRecord<String, byte[]>>empty();
			}, Optional::isPresent).orElseThrow();
		}
	}

	/**
	 * The first JSON log line whose message is exactly {@code message}.
	 */
	private static Optional<JsonNode> line(Path file, String message) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file);
			for (String line : lines) {
				if (line.contains(message)) {
					JsonNode node = json(line);
					if (message.equals(node.path("message").asText())) {
						return Optional.of(node);
					}
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A line still being written reads as no line yet.
	 */
	private static JsonNode json(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JsonProcessingException ex) {
			return JSON.createObjectNode();
		}
	}

}
