package io.incidenttimeline.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for integration tests, one per test JVM: a Testcontainers container
 * when a Docker engine is reachable, otherwise spring-kafka-test's in-JVM KRaft broker.
 */
public final class TestKafka {

	private static String bootstrapServers;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = Infrastructure.dockerAvailable() ? containerBroker() : embeddedBroker();
		}
		return bootstrapServers;
	}

	private static String embeddedBroker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("num.partitions", "3");
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		return broker.getBrokersAsString();
	}

	@SuppressWarnings("resource")
	private static String containerBroker() {
		KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
		container.start();
		return container.getBootstrapServers();
	}

}
