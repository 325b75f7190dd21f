package io.incidenttimeline.query.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the topic into the {@link EventSequencer}. The container commits a record's
 * offset only after this returns, that is after the database transaction committed
 * ({@code ack-mode: record}); failures go to the error handler of
 * {@link KafkaConfiguration}.
 */
@Component
class IncidentEventListener {

	private final EventSequencer sequencer;

	IncidentEventListener(EventSequencer sequencer) {
		this.sequencer = sequencer;
	}

	@KafkaListener(id = "incident-events-consumer", idIsGroup = false, topics = "${incident-query.topic}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.sequencer.receive(record.value());
	}

}
