package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an action item does about the next incident.
 */
public enum ActionItemType {

	@JsonProperty("prevent")
	PREVENT,

	@JsonProperty("detect")
	DETECT,

	@JsonProperty("mitigate")
	MITIGATE,

	@JsonProperty("process")
	PROCESS

}
