package io.incidenttimeline.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.testsupport.IncidentStory;
import io.incidenttimeline.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.kafka.core.KafkaAdmin;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9: an outage is waited out, a projection bug holds up only its incident, and
 * what the consumer could not take is visible and can be taken again. Faults are switched
 * on and off by the test: the consumer's database refusing connections, a projection
 * failing transiently or deterministically for one incident.
 */
@RunningQueryService
class OutageIT {

	private static final int PARTITIONS = 3;

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Value("${incident-query.topic}")
	String incidentTopic;

	@Value("${incident-query.dead-letter-topic}")
	String deadLetterTopic;

	@AfterEach
	void heal() {
		Faults.reset();
	}

	@Test
	void aDatabaseOutageIsWaitedOutAndNothingIsDeadLettered() {
		IncidentStory story = new IncidentStory();
		double deadBefore = counter("incident.query.dead.lettered");
		Faults.databaseDown = true;
		try {
			this.topic.send(story.declared(), story.note("Applied once the database is back"));
			eventually().until(
					() -> Faults.refusedConnections.get() >= 6 || counter("incident.query.dead.lettered") > deadBefore);
			assertThat(counter("incident.query.dead.lettered")).as("nothing dead-lettered").isEqualTo(deadBefore);
			assertThat(gauge("incident.query.retrying")).as("the outage shows").isGreaterThanOrEqualTo(1);
		}
		finally {
			Faults.databaseDown = false;
		}

		awaitSequence(story, 2);

		assertThat(counter("incident.query.dead.lettered")).as("nothing dead-lettered").isEqualTo(deadBefore);
		assertThat(parkedOf(story)).isEmpty();
		assertThat(counter("incident.query.failed.deliveries")).isGreaterThanOrEqualTo(5);
		eventually().until(() -> gauge("incident.query.retrying"), (retrying) -> retrying == 0);
	}

	@Test
	void aTransientFailureHoldsUpItsOwnPartitionOnlyAndPassesWhenTheFailureDoes() {
		IncidentStory held = new IncidentStory();
		IncidentStory other = onAnotherPartitionThan(held);
		double deadBefore = counter("incident.query.dead.lettered");
		Faults.transientFor = "Held up by a transient failure";
		this.topic.send(held.declared(Faults.transientFor));
		eventually().until(() -> Faults.transientAttempts.get() >= 5);

		this.topic.send(other.declared());

		awaitSequence(other, 1);
		assertThat(this.api.get("/api/incidents/" + held.incident()).status()).as("still waiting").isEqualTo(404);
		assertThat(gauge("incident.query.retrying")).isGreaterThanOrEqualTo(1);
		Faults.transientFor = null;
		awaitSequence(held, 1);
		assertThat(counter("incident.query.dead.lettered")).isEqualTo(deadBefore);
		assertThat(parkedOf(held)).isEmpty();
	}

	@Test
	void aProjectionBugParksTheEventForItsIncidentWithItsReasonUntilItIsRetriedAfterTheFix() {
		IncidentStory buggy = new IncidentStory();
		IncidentStory healthy = new IncidentStory();
		double deadBefore = counter("incident.query.dead.lettered");
		Faults.bugFor = "Trips over a projection bug";
		this.topic.send(buggy.declared(Faults.bugFor), buggy.note("Waits behind the failed declaration"));
		this.topic.send(healthy.declared());

		List<JsonNode> parked = eventually().until(() -> parkedOf(buggy), (entries) -> entries.size() == 2);

		assertThat(parked.get(0).path("sequence").asLong()).isEqualTo(1);
		assertThat(parked.get(0).path("kind").asText()).isEqualTo("failed");
		assertThat(parked.get(0).path("reason").asText())
			.isEqualTo("java.lang.IllegalStateException: a projection bug (test)");
		assertThat(parked.get(0).path("parkedAt").asText()).endsWith("Z");
		assertThat(parked.get(1).path("sequence").asLong()).isEqualTo(2);
		assertThat(parked.get(1).path("kind").asText()).isEqualTo("waiting-for-predecessor");
		awaitSequence(healthy, 1);
		assertThat(this.api.get("/api/incidents/" + buggy.incident()).status()).isEqualTo(404);
		assertThat(gauge("incident.query.failed.events")).isGreaterThanOrEqualTo(1);

		QueryApi.Answer stillBroken = this.api.admin().post("/api/admin/parked/" + buggy.incident() + "/retry");
		assertThat(stillBroken.status()).isEqualTo(409);
		assertThat(stillBroken.header("Content-Type")).startsWith("application/problem+json");
		assertThat(stillBroken.json().path("detail").asText()).contains("a projection bug (test)");

		Faults.bugFor = null;
		QueryApi.Answer retried = this.api.admin().post("/api/admin/parked/" + buggy.incident() + "/retry");

		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().path("applied").asLong()).isEqualTo(2);
		assertThat(retried.json().path("lastSequence").asLong()).isEqualTo(2);
		assertThat(awaitSequence(buggy, 2).path("title").asText()).isEqualTo("Trips over a projection bug");
		assertThat(parkedOf(buggy)).isEmpty();
		assertThat(this.api.admin().post("/api/admin/parked/" + buggy.incident() + "/retry").status()).isEqualTo(404);
		assertThat(counter("incident.query.dead.lettered")).isEqualTo(deadBefore);
	}

	@Test
	void deadLettersAreListedWithTheirReasonAndRedrivenOnce() {
		double deadBefore = counter("incident.query.dead.lettered");
		IncidentStory lost = new IncidentStory();
		List<EventEnvelope> events = List.of(lost.declared(), lost.note("Dead-lettered by an earlier version"));
		for (int i = 0; i < events.size(); i++) {
			this.topic.sendDeadLetter(lost.incident().toString(), IncidentEventCodec.encode(events.get(i)),
					Map.of("kafka_dlt-exception-message", bytes("Could not open JDBC Connection for transaction"),
							"kafka_dlt-exception-cause-fqcn", bytes("java.net.ConnectException"),
							"kafka_dlt-original-topic", bytes(this.incidentTopic), "kafka_dlt-original-partition",
							ByteBuffer.allocate(4).putInt(2).array(), "kafka_dlt-original-offset",
							ByteBuffer.allocate(8).putLong(40 + i).array()));
		}

		List<JsonNode> listed = deadLettersOf(lost.incident().toString());

		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).path("reason").asText()).isEqualTo("Could not open JDBC Connection for transaction");
		assertThat(listed.get(0).path("exception").asText()).isEqualTo("java.net.ConnectException");
		assertThat(listed.get(0).path("originalTopic").asText()).isEqualTo(this.incidentTopic);
		assertThat(listed.get(0).path("originalPartition").asInt()).isEqualTo(2);
		assertThat(listed.get(1).path("originalOffset").asLong()).isEqualTo(41);
		assertThat(listed.get(0).path("valueStart").asText()).startsWith("{\"specversion\":\"1.0\"");
		assertThat(listed.get(0).path("offset").isNumber()).isTrue();
		assertThat(listed).allSatisfy((letter) -> assertThat(letter.path("redriven").asBoolean()).isFalse());

		QueryApi.Answer redriven = this.api.admin().post("/api/admin/dead-letters/redrive");

		assertThat(redriven.status()).isEqualTo(200);
		assertThat(redriven.json().path("redriven").asLong()).isEqualTo(2);
		awaitSequence(lost, 2);
		assertThat(this.api.admin().post("/api/admin/dead-letters/redrive").json().path("redriven").asLong())
			.as("once only")
			.isZero();
		assertThat(deadLettersOf(lost.incident().toString()))
			.allSatisfy((letter) -> assertThat(letter.path("redriven").asBoolean()).isTrue());

		this.topic.send("not-an-incident", "not an event at all".getBytes(StandardCharsets.UTF_8));
		JsonNode malformed = eventually().until(() -> deadLettersOf("not-an-incident"), (found) -> found.size() == 1)
			.get(0);
		assertThat(malformed.path("reason").asText()).contains("not a CloudEvents JSON event");
		assertThat(malformed.path("exception").asText())
			.isEqualTo("io.incidenttimeline.events.MalformedEventException");
		assertThat(malformed.path("valueStart").asText()).isEqualTo("not an event at all");
		assertThat(malformed.path("redriven").asBoolean()).isFalse();
		eventually().until(() -> counter("incident.query.dead.lettered"), (count) -> count == deadBefore + 1);
	}

	@Test
	void bothTopicsKeepEveryRecordForeverAndATopicCreatedWithOtherSettingsIsFixed() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			assertThat(retention(admin, this.incidentTopic)).containsExactly("-1", "-1");
			assertThat(retention(admin, this.deadLetterTopic)).containsExactly("-1", "-1");
			assertThat(admin.describeTopics(List.of(this.incidentTopic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(this.incidentTopic)
				.partitions()).hasSize(PARTITIONS);

			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, this.incidentTopic);
			admin
				.incrementalAlterConfigs(
						Map.of(topic,
								List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"),
										AlterConfigOp.OpType.SET))))
				.all()
				.get(30, TimeUnit.SECONDS);
			assertThat(retention(admin, this.incidentTopic)).startsWith("604800000");

			this.kafkaAdmin.initialize();

			assertThat(retention(admin, this.incidentTopic)).as("as at the next start").containsExactly("-1", "-1");
		}
	}

	private static List<String> retention(Admin admin, String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
		return List.of(config.get(TopicConfig.RETENTION_MS_CONFIG).value(),
				config.get(TopicConfig.RETENTION_BYTES_CONFIG).value());
	}

	private static IncidentStory onAnotherPartitionThan(IncidentStory story) {
		IncidentStory other = new IncidentStory();
		while (partition(other) == partition(story)) {
			other = new IncidentStory();
		}
		return other;
	}

	/**
	 * The partition Kafka's default partitioner gives the story's key.
	 */
	private static int partition(IncidentStory story) {
		return Utils.toPositive(Utils.murmur2(bytes(story.incident().toString()))) % PARTITIONS;
	}

	private JsonNode awaitSequence(IncidentStory story, long sequence) {
		return eventually()
			.until(() -> this.api.get("/api/incidents/" + story.incident()),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == sequence)
			.json();
	}

	private List<JsonNode> parkedOf(IncidentStory story) {
		List<JsonNode> parked = new ArrayList<>();
		for (JsonNode entry : this.api.admin().get("/api/admin/parked").json()) {
			if (entry.path("incidentId").asText().equals(story.incident().toString())) {
				parked.add(entry);
			}
		}
		parked.sort((a, b) -> Long.compare(a.path("sequence").asLong(), b.path("sequence").asLong()));
		return parked;
	}

	private List<JsonNode> deadLettersOf(String key) {
		QueryApi.Answer answer = this.api.admin().get("/api/admin/dead-letters");
		assertThat(answer.status()).isEqualTo(200);
		List<JsonNode> letters = new ArrayList<>();
		answer.json().forEach((letter) -> {
			if (key.equals(letter.path("key").asText())) {
				letters.add(letter);
			}
		});
		return letters;
	}

	private double counter(String name) {
		try {
			return this.meters.get(name).counters().stream().mapToDouble((c) -> c.count()).sum();
		}
		catch (MeterNotFoundException ex) {
			return 0;
		}
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The faults a test switches on: the consumer's database refusing connections, as
	 * HikariCP does while PostgreSQL is down; a projection that fails transiently (a lock
	 * it cannot get) or deterministically (a bug) for one incident's declaration.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Faults {

		static volatile boolean databaseDown;

		static final AtomicInteger refusedConnections = new AtomicInteger();

		static volatile String transientFor;

		static final AtomicInteger transientAttempts = new AtomicInteger();

		static volatile String bugFor;

		static void reset() {
			databaseDown = false;
			transientFor = null;
			bugFor = null;
			refusedConnections.set(0);
			transientAttempts.set(0);
		}

		@Bean
		static BeanPostProcessor databaseThatCanGoDown() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? new SwitchableDataSource(dataSource) : bean;
				}

			};
		}

		@Bean
		Projection faultyProjection() {
			return new Projection() {

				@Override
				public String name() {
					return "faulty";
				}

				@Override
				public List<String> tables() {
					return List.of();
				}

				@Override
				public void apply(EventEnvelope event) {
					if (!(event.payload() instanceof IncidentDeclared declared)) {
						return;
					}
					if (declared.title().equals(transientFor)) {
						transientAttempts.incrementAndGet();
						throw new CannotAcquireLockException("lock not available (test)");
					}
					if (declared.title().equals(bugFor)) {
						throw new IllegalStateException("a projection bug (test)");
					}
				}

			};
		}

	}

	static final class SwitchableDataSource extends DelegatingDataSource {

		SwitchableDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseWhileDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseWhileDown();
			return super.getConnection(username, password);
		}

		private static void refuseWhileDown() throws SQLTransientConnectionException {
			if (Faults.databaseDown) {
				Faults.refusedConnections.incrementAndGet();
				throw new SQLTransientConnectionException("database down (test): connection is not available");
			}
		}

	}

}
