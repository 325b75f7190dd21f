package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an incident stands: investigating, identified and monitoring while open (the
 * public status progression), resolved once over.
 */
public enum IncidentStatus {

	@JsonProperty("investigating")
	INVESTIGATING,

	@JsonProperty("identified")
	IDENTIFIED,

	@JsonProperty("monitoring")
	MONITORING,

	@JsonProperty("resolved")
	RESOLVED;

	public boolean isOpen() {
		return this != RESOLVED;
	}

}
