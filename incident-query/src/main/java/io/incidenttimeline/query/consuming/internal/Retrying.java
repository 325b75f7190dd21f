package io.incidenttimeline.query.consuming.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Which records are being retried right now, one at most per partition (the partition
 * waits behind it), so that an outage shows: the gauge {@code incident_query_retrying},
 * and every failed delivery in the counter
 * {@code incident_query_failed_deliveries_total{cause="transient|deterministic|malformed"}}.
 * A record stops being retried when it passes, is parked or dead-lettered, or its
 * partition goes to another consumer.
 */
@Component
class Retrying implements RetryListener {

	private static final Logger log = LoggerFactory.getLogger(Retrying.class);

	private final Map<TopicPartition, Long> failing = new ConcurrentHashMap<>();

	private final Counter transientFailures;

	private final Counter deterministicFailures;

	private final Counter malformed;

	Retrying(MeterRegistry registry) {
		Gauge.builder("incident.query.retrying", this.failing, Map::size)
			.description("Records being retried now: each holds up its partition")
			.register(registry);
		this.transientFailures = failedDeliveries(registry, "transient");
		this.deterministicFailures = failedDeliveries(registry, "deterministic");
		this.malformed = failedDeliveries(registry, "malformed");
	}

	private static Counter failedDeliveries(MeterRegistry registry, String cause) {
		return Counter.builder("incident.query.failed.deliveries")
			.description("Deliveries of a record that failed: transient (database or broker, retried until it passes), "
					+ "deterministic (retried, then parked) or malformed (dead-lettered)")
			.tag("cause", cause)
			.register(registry);
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		this.failing.put(new TopicPartition(record.topic(), record.partition()), record.offset());
		String cause;
		if (Failures.isMalformed(ex)) {
			this.malformed.increment();
			cause = "malformed";
		}
		else if (Failures.isTransient(ex)) {
			this.transientFailures.increment();
			cause = "transient, retried until it passes";
		}
		else {
			this.deterministicFailures.increment();
			cause = "deterministic";
		}
		log.warn("{}-{}@{}: attempt {} failed, {}: {}", record.topic(), record.partition(), record.offset(),
				deliveryAttempt, cause, Failures.reason(ex));
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		this.failing.remove(new TopicPartition(record.topic(), record.partition()));
	}

	/**
	 * The record was handled: its partition is moving again.
	 */
	void passed(ConsumerRecord<?, ?> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		Long offset = this.failing.get(partition);
		if (offset != null && offset <= record.offset() && this.failing.remove(partition, offset)) {
			log.info("{}-{}@{} passed; the partition moves again", record.topic(), record.partition(), offset);
		}
	}

	/**
	 * Whether one of these records is being retried.
	 */
	boolean retriesAnyOf(List<? extends ConsumerRecord<?, ?>> records) {
		if (this.failing.isEmpty()) {
			return false;
		}
		for (ConsumerRecord<?, ?> record : records) {
			Long offset = this.failing.get(new TopicPartition(record.topic(), record.partition()));
			if (offset != null && offset == record.offset()) {
				return true;
			}
		}
		return false;
	}

	void revoked(Collection<TopicPartition> partitions) {
		partitions.forEach(this.failing::remove);
	}

	int count() {
		return this.failing.size();
	}

}
