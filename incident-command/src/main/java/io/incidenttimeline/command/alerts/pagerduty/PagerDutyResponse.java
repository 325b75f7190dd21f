package io.incidenttimeline.command.alerts.pagerduty;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * PagerDuty's response body: {@code dedup_key} on success, {@code errors} on a 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PagerDutyResponse(String status, String message, @JsonProperty("dedup_key") String dedupKey,
		List<String> errors) {

	static PagerDutyResponse processed(String dedupKey) {
		return new PagerDutyResponse("success", "Event processed", dedupKey, null);
	}

}
