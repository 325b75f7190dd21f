package io.incidenttimeline.command.incident;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a follow-up action to the postmortem, under an id the caller chose (the API
 * generates one). {@code priority} is optional (P2), so is {@code link} (an http or https
 * URL).
 */
public record AddActionItem(@TargetAggregateIdentifier IncidentId incidentId, UUID actionItemId, String title,
		String owner, LocalDate dueDate, ActionItemType type, ActionItemPriority priority, String link, String actor,
		String actorName, String source) {

	public AddActionItem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(actionItemId, "actionItemId is missing");
		Commands.requireOrigin(actor, source);
	}

}
