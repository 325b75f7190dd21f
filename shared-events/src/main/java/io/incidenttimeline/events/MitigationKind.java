package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MitigationKind {

	@JsonProperty("rollback")
	ROLLBACK,

	@JsonProperty("feature_flag")
	FEATURE_FLAG,

	@JsonProperty("failover")
	FAILOVER,

	@JsonProperty("scale_restart")
	SCALE_RESTART,

	@JsonProperty("edge_block")
	EDGE_BLOCK,

	@JsonProperty("other")
	OTHER

}
