package io.incidenttimeline.query.consuming.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads the records of a poll (each made {@link SafeText safe}, then decoded) and applies
 * them in one database transaction ({@link EventSequencer#receiveAll}). The container
 * commits the poll's offsets once that transaction committed ({@code ack-mode: batch}); a
 * record delivered again after a crash is skipped by its sequence number.
 * <p>
 * When the poll cannot be applied as a whole (a record that does not decode, a projection
 * that fails, the database away), nothing of it is kept and its records are applied one
 * transaction each ({@link EventSequencer#receive}), as they would be without batching:
 * those before the failing record are kept, and the failing record goes to the error
 * handler of {@link KafkaConfiguration} (as a {@link BatchListenerFailedException} that
 * names it), which retries it, parks it or dead-letters it, then has the records after it
 * delivered again. A poll that starts again with a record being retried goes one record
 * at a time straight away.
 */
@Component
class IncidentEventListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(IncidentEventListener.class);

	private final EventSequencer sequencer;

	private final Retrying retrying;

	IncidentEventListener(EventSequencer sequencer, Retrying retrying) {
		this.sequencer = sequencer;
		this.retrying = retrying;
	}

	@KafkaListener(id = "incident-events-consumer", idIsGroup = false, topics = "${incident-query.topic}",
			batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		if (records.size() > 1 && !this.retrying.retriesAnyOf(records)) {
			try {
				List<IncomingEvent> events = new ArrayList<>(records.size());
				for (ConsumerRecord<String, byte[]> record : records) {
					events.add(IncomingEvent.read(record.value()));
				}
				this.sequencer.receiveAll(events);
				records.forEach(this.retrying::passed);
				return;
			}
			catch (RuntimeException ex) {
				log.info("a poll of {} records could not be applied in one transaction ({}); applying each on its own",
						records.size(), Failures.reason(ex));
			}
		}
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				this.sequencer.receive(IncomingEvent.read(record.value()));
			}
			catch (RuntimeException ex) {
				throw RecordFailed.of(record, ex);
			}
			this.retrying.passed(record);
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.retrying.revoked(partitions);
	}

	/**
	 * The record of a poll that failed, for the error handler. One subclass per kind of
	 * failure: the error handler starts its retries afresh when a record fails in another
	 * way than before (a database outage that ends in a projection bug), as it tells
	 * failures apart by their class.
	 */
	abstract static sealed class RecordFailed extends BatchListenerFailedException {

		RecordFailed(ConsumerRecord<?, ?> record, RuntimeException cause) {
			super(Failures.reason(cause), cause, record);
		}

		static RecordFailed of(ConsumerRecord<?, ?> record, RuntimeException cause) {
			if (Failures.isMalformed(cause)) {
				return new Malformed(record, cause);
			}
			return Failures.isTransient(cause) ? new Transient(record, cause) : new Deterministic(record, cause);
		}

	}

	static final class Malformed extends RecordFailed {

		Malformed(ConsumerRecord<?, ?> record, RuntimeException cause) {
			super(record, cause);
		}

	}

	static final class Transient extends RecordFailed {

		Transient(ConsumerRecord<?, ?> record, RuntimeException cause) {
			super(record, cause);
		}

	}

	static final class Deterministic extends RecordFailed {

		Deterministic(ConsumerRecord<?, ?> record, RuntimeException cause) {
			super(record, cause);
		}

	}

}
