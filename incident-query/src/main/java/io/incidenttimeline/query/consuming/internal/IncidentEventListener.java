package io.incidenttimeline.query.consuming.internal;

import java.util.Collection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads each record (made {@link SafeText safe}, then decoded) and feeds it into the
 * {@link EventSequencer}, one database transaction per record. The container commits the
 * offsets of a poll after every record of it returned, that is after their transactions
 * committed ({@code ack-mode: batch}); a record delivered again after a crash is skipped
 * by its sequence number. Failures go to the error handler of {@link KafkaConfiguration}.
 */
@Component
class IncidentEventListener implements ConsumerSeekAware {

	private final EventSequencer sequencer;

	private final Retrying retrying;

	IncidentEventListener(EventSequencer sequencer, Retrying retrying) {
		this.sequencer = sequencer;
		this.retrying = retrying;
	}

	@KafkaListener(id = "incident-events-consumer", idIsGroup = false, topics = "${incident-query.topic}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.sequencer.receive(IncomingEvent.read(record.value()));
		this.retrying.passed(record);
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.retrying.revoked(partitions);
	}

}
