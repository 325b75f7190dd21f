package io.incidenttimeline.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureIT {

	@Test
	void postgresIsARealServerWithSeparateDatabases() throws Exception {
		TestPostgres.Database database = TestPostgres.database("support_it");

		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
				ResultSet rs = connection.createStatement().executeQuery("select current_database(), version()")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("support_it");
			assertThat(rs.getString(2)).startsWith("PostgreSQL");
		}
	}

	@Test
	void kafkaIsARealBrokerThatKeepsWhatItAcknowledged() throws Exception {
		String topic = "support-it-" + UUID.randomUUID();
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
			producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
		}
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "support-it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
			consumer.subscribe(List.of(topic));
			ConsumerRecords<String, String> records = ConsumerRecords.empty();
			for (int i = 0; i < 30 && records.isEmpty(); i++) {
				records = consumer.poll(Duration.ofSeconds(1));
			}
			assertThat(records.records(topic)).extracting((r) -> r.value()).containsExactly("hello");
		}
	}

}
