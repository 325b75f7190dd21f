package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How urgent an action item is: P1 first.
 */
public enum ActionItemPriority {

	@JsonProperty("P1")
	P1,

	@JsonProperty("P2")
	P2,

	@JsonProperty("P3")
	P3,

	@JsonProperty("P4")
	P4

}
