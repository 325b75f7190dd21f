package io.incidenttimeline.query.consuming.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the incident topic and its dead-letter topic are declared, from the same
 * environment variables as the command side, so whichever service starts first creates
 * them alike: {@code partitions} ({@code INCIDENT_EVENTS_PARTITIONS}, default 3; the
 * dead-letter topic has one), {@code replicationFactor}
 * ({@code INCIDENT_EVENTS_REPLICATION_FACTOR}) and {@code minInsyncReplicas}
 * ({@code INCIDENT_EVENTS_MIN_INSYNC_REPLICAS}), both the broker's default when unset.
 * Both topics keep every record forever: the events are the source of every view.
 */
@ConfigurationProperties("incident-query.topics")
record TopicSettings(@DefaultValue("3") int partitions, Short replicationFactor, Integer minInsyncReplicas) {

	TopicSettings {
		if (partitions < 1) {
			throw new IllegalArgumentException(
					"incident-query.topics.partitions must be at least 1, not " + partitions);
		}
	}

}
