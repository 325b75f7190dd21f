package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The incident roles: everyone must know who is incident commander at every moment.
 */
public enum Role {

	@JsonProperty("incident_commander")
	INCIDENT_COMMANDER,

	@JsonProperty("comms_lead")
	COMMS_LEAD,

	@JsonProperty("tech_lead")
	TECH_LEAD,

	@JsonProperty("scribe")
	SCRIBE

}
