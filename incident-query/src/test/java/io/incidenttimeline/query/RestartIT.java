package io.incidenttimeline.query;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.incidenttimeline.events.GoldenVectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the query service mid-stream and starts a new one on the same database and
 * consumer group, with the first events delivered again as after a lost offset commit.
 */
class RestartIT {

	private static final List<String> GOLDEN = List.copyOf(GoldenVectors.all().keySet());

	@Test
	void restartingMidStreamCountsNothingTwice() {
		Map<String, String> properties = QueryService.properties(RestartIT.class.getSimpleName());
		try (EventsTopic topic = new EventsTopic(properties.get("incident-query.topic"))) {
			try (ConfigurableApplicationContext first = start(properties)) {
				GOLDEN.subList(0, 5).forEach((file) -> send(topic, file));
				awaitSequence(first, 5);
			}

			GOLDEN.forEach((file) -> send(topic, file));

			try (ConfigurableApplicationContext second = start(properties)) {
				awaitSequence(second, 10);
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				MeterRegistry meters = second.getBean(MeterRegistry.class);
				eventually().until(() -> meters.get("incident.query.duplicates.skipped").counter().count(),
						(count) -> count == 5);

				assertThat(jdbc.sql("SELECT count(*) FROM incident_events").query(Long.class).single()).isEqualTo(10);
				assertThat(
						jdbc.sql("SELECT jsonb_array_length(mitigations) FROM incidents").query(Integer.class).single())
					.isEqualTo(1);
				assertThat(meters.get("incident.query.events.applied")
					.counters()
					.stream()
					.mapToDouble((counter) -> counter.count())
					.sum()).isEqualTo(5);
			}
		}
	}

	private static void send(EventsTopic topic, String file) {
		topic.send(GoldenVectors.INCIDENT.toString(), GoldenVectors.read(file));
	}

	private static void awaitSequence(ConfigurableApplicationContext context, long sequence) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		eventually().until(() -> jdbc.sql("SELECT coalesce(max(last_sequence), 0) FROM projection_progress")
			.query(Long.class)
			.single(), (applied) -> applied == sequence);
	}

	private static ConfigurableApplicationContext start(Map<String, String> properties) {
		// command-line arguments, since default properties would lose to application.yml
		return new SpringApplicationBuilder(IncidentQueryApplication.class).run(Stream
			.concat(Stream.of("--server.port=0"),
					properties.entrySet()
						.stream()
						.map((property) -> "--" + property.getKey() + "=" + property.getValue()))
			.toArray(String[]::new));
	}

}
