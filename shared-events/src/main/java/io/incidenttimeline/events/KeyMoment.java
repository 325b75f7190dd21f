package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The moments MTTx figures are made of; each can be corrected by a later event.
 */
public enum KeyMoment {

	@JsonProperty("impact_started")
	IMPACT_STARTED,

	@JsonProperty("detected")
	DETECTED,

	@JsonProperty("acknowledged")
	ACKNOWLEDGED,

	@JsonProperty("mitigated")
	MITIGATED,

	@JsonProperty("resolved")
	RESOLVED

}
