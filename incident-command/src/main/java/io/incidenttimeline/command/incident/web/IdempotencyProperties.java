package io.incidenttimeline.command.incident.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.idempotency.*}: how long an Idempotency-Key answers for its
 * first request ({@code key-ttl}; after that the same key is a new request), how often
 * expired keys are deleted and how many per statement.
 */
@ConfigurationProperties("incident-timeline.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration keyTtl, @DefaultValue("10m") Duration cleanupInterval,
		@DefaultValue("1000") int cleanupBatchSize) {

	IdempotencyProperties {
		if (keyTtl.isNegative() || keyTtl.isZero()) {
			throw new IllegalArgumentException("key-ttl must be positive, not " + keyTtl);
		}
		if (cleanupBatchSize < 1) {
			throw new IllegalArgumentException("cleanup-batch-size must be at least 1, not " + cleanupBatchSize);
		}
	}

}
