package io.incidenttimeline.query.consuming.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the topic into the {@link EventSequencer}, one database transaction per record.
 * The container commits the offsets of a poll after every record of it returned, that is
 * after their transactions committed ({@code ack-mode: batch}); a record delivered again
 * after a crash is skipped by its sequence number. Failures go to the error handler of
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
