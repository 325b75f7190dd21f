package io.incidenttimeline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.incidenttimeline.testsupport.TestKafka;
import io.incidenttimeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local run pointed at a PostgreSQL and a Kafka it did not start (here the test
 * support's), as {@code KAFKA_BOOTSTRAP_SERVERS}, {@code COMMAND_DATABASE_URL} and
 * {@code QUERY_DATABASE_URL} do for {@code deploy/local/run.sh}: it starts only the
 * services.
 */
class ExternalInfrastructureIT {

	@Test
	void servicesRunAgainstAnExistingPostgresAndKafka() throws Exception {
		TestPostgres.Database command = TestPostgres.database("external_command");
		TestPostgres.Database query = TestPostgres.database("external_query");
		LocalSystem.External external = new LocalSystem.External(TestKafka.bootstrapServers(),
				new LocalSystem.Databases(command.jdbcUrl(), query.jdbcUrl(), command.username(), command.password()),
				null);
		Path data = Files.createTempDirectory(Path.of("target"), "external-");
		Path root = Path.of("../..").toAbsolutePath().normalize();

		try (LocalSystem system = new LocalSystem(LocalSystem.Settings.freePorts(data, root).with(external)).start()) {
			Http http = new Http(system.identityUrl());
			Http.Response declared = http.post(system.commandUrl() + "/api/incidents", "alice",
					"{\"title\":\"On external infrastructure\",\"severity\":\"SEV-4\",\"services\":[\"ops\"]}");
			assertThat(declared.status()).as(declared.body()).isEqualTo(201);
			String id = declared.read("$.incidentId");

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(
						() -> assertThat(http.get(system.queryUrl() + "/api/incidents/" + id).status()).isEqualTo(200));
			assertThat(system.kafkaBootstrapServers()).isEqualTo(TestKafka.bootstrapServers());
			assertThat(Files.exists(data.resolve("postgres"))).as("no embedded PostgreSQL").isFalse();
			assertThat(Files.exists(data.resolve("kafka"))).as("no embedded Kafka").isFalse();
		}
	}

}
