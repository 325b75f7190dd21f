package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an incident was first noticed.
 */
public enum DetectionMethod {

	@JsonProperty("alert")
	ALERT,

	@JsonProperty("user_report")
	USER_REPORT,

	@JsonProperty("synthetic_check")
	SYNTHETIC_CHECK,

	@JsonProperty("dashboard")
	DASHBOARD,

	@JsonProperty("other")
	OTHER

}
