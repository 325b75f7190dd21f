package io.incidenttimeline.command.publishing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * {@code incident-timeline.topic-settings.*}: how the incident topic is declared. It is
 * the stream of record every view is rebuilt from, so it keeps every event forever
 * ({@code retention.ms} and {@code retention.bytes} -1, on an existing topic too). A
 * replication factor or minimum of in-sync replicas of -1 (or none) leaves the broker's
 * defaults ({@code default.replication.factor}, {@code min.insync.replicas}): right for
 * one local broker and for a cluster configured for three replicas.
 */
@ConfigurationProperties("incident-timeline.topic-settings")
record TopicSettings(@DefaultValue("3") int partitions, @DefaultValue("-1") Integer replicationFactor,
		@DefaultValue("-1") Integer minInsyncReplicas) {

	static final String KEEP_FOREVER = "-1";

	TopicSettings {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
		}
	}

	NewTopic topic(String name) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(this.partitions);
		if (given(this.replicationFactor)) {
			builder.replicas(this.replicationFactor);
		}
		Map<String, String> configs = new LinkedHashMap<>();
		configs.put(TopicConfig.RETENTION_MS_CONFIG, KEEP_FOREVER);
		configs.put(TopicConfig.RETENTION_BYTES_CONFIG, KEEP_FOREVER);
		if (given(this.minInsyncReplicas)) {
			configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(this.minInsyncReplicas));
		}
		return builder.configs(configs).build();
	}

	private static boolean given(Integer value) {
		return value != null && value > 0;
	}

}
