package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Public updates appear on the status page; internal ones never leave the responders.
 */
public enum Visibility {

	@JsonProperty("internal")
	INTERNAL,

	@JsonProperty("public")
	PUBLIC

}
