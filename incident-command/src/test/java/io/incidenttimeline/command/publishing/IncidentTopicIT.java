package io.incidenttimeline.command.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.command.IncidentCommandApplication;
import io.incidenttimeline.command.TestInfrastructure;
import io.incidenttimeline.testsupport.TestKafka;
import io.incidenttimeline.testsupport.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The incident topic is the stream of record every view is rebuilt from: declared to keep
 * every event forever, and an existing topic with a time limit is fixed at startup.
 */
@CommandServiceIT
class IncidentTopicIT {

	static final String SEVEN_DAYS = String.valueOf(7L * 24 * 60 * 60 * 1000);

	@Value("${incident-timeline.topic}")
	String topic;

	@Test
	void incidentTopicKeepsEveryEventForever() throws Exception {
		try (Admin admin = admin()) {
			Config config = config(admin, this.topic);

			assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
			assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
			assertThat(admin.describeTopics(List.of(this.topic)).allTopicNames().get().get(this.topic).partitions())
				.hasSize(3);
		}
	}

	@Test
	void existingTopicWithSevenDayRetentionIsChangedToKeepForever() throws Exception {
		String existing = "incident-events-seven-days";
		try (Admin admin = admin()) {
			admin
				.createTopics(List.of(new NewTopic(existing, 3, (short) 1)
					.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS))))
				.all()
				.get();
			// a broker under load may answer "unknown topic" for a moment after creating
			// it
			await("the new topic's configuration").atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(config(admin, existing).get(TopicConfig.RETENTION_MS_CONFIG).value())
					.isEqualTo(SEVEN_DAYS));

			try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IncidentCommandApplication.class)
				.initializers(new TestInfrastructure(TestPostgres.database("command_topic_it")))
				.profiles(TestInfrastructure.PROFILE)
				.run("--server.port=0", "--incident-timeline.topic=" + existing)) {
				assertThat(config(admin, existing).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
			}
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
	}

	private static Config config(Admin admin, String topic) throws InterruptedException, ExecutionException {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		return admin.describeConfigs(List.of(resource)).all().get().get(resource);
	}

}
