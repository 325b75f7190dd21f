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

	/**
	 * Declared in full so that its parameters carry no annotations: Spring binds this
	 * record through this constructor on every request and, for a compact one, re-reads
	 * the components' constraint annotations from the class file each time (see
	 * {@code IncidentFilter}). The constraints stay on the components, where validation
	 * reads them.
	 */
	ActionItemFilter(String owner, String status, String type, String overdue, String service) {
		this.owner = owner;
		this.status = status;
		this.type = type;
		this.overdue = overdue;
		this.service = service;
	}

	ActionItemType itemType() {
		return (this.type != null) ? ActionItemType.valueOf(this.type.toUpperCase(java.util.Locale.ROOT)) : null;
	}

	Boolean isOverdue() {
		return (this.overdue != null) ? Boolean.valueOf(this.overdue) : null;
	}

}
