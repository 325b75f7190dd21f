package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The sections of a blameless postmortem, in the order the document shows them.
 */
public enum PostmortemSection {

	@JsonProperty("summary")
	SUMMARY,

	@JsonProperty("impact")
	IMPACT,

	@JsonProperty("root_cause")
	ROOT_CAUSE,

	@JsonProperty("contributing_factors")
	CONTRIBUTING_FACTORS,

	@JsonProperty("what_went_well")
	WHAT_WENT_WELL,

	@JsonProperty("what_went_poorly")
	WHAT_WENT_POORLY,

	@JsonProperty("where_we_got_lucky")
	WHERE_WE_GOT_LUCKY,

	@JsonProperty("lessons")
	LESSONS

}
