package io.incidenttimeline.command.incident;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes some fields of an open action item; a null field stays as it is.
 */
public record UpdateActionItem(@TargetAggregateIdentifier IncidentId incidentId, UUID actionItemId, String title,
		String owner, LocalDate dueDate, ActionItemType type, ActionItemPriority priority, String link, String actor,
		String actorName, String source) {

	public UpdateActionItem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(actionItemId, "actionItemId is missing");
		Commands.requireOrigin(actor, source);
	}

}
