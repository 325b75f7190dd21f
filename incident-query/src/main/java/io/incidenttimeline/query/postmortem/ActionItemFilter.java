package io.incidenttimeline.query.postmortem;

import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.query.web.ServiceName;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The action-item list's parameters, checked together so one answer names every bad one.
 */
record ActionItemFilter(
		@Size(min = 1, max = FieldLimits.NAME,
				message = "must be 1 to " + FieldLimits.NAME + " characters") String owner,
		@Pattern(regexp = "open|completed|dropped", message = "must be one of open, completed, dropped") String status,
		@Pattern(regexp = "prevent|detect|mitigate|process",
				message = "must be one of prevent, detect, mitigate, process") String type,
		@Pattern(regexp = "true|false", message = "must be true or false") String overdue,
		@ServiceName String service) {

	ActionItemType itemType() {
		return (this.type != null) ? ActionItemType.valueOf(this.type.toUpperCase(java.util.Locale.ROOT)) : null;
	}

	Boolean isOverdue() {
		return (this.overdue != null) ? Boolean.valueOf(this.overdue) : null;
	}

}
