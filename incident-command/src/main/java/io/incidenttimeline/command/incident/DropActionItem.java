package io.incidenttimeline.command.incident;

import java.util.Objects;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives up an open action item, for a reason; dropping it again changes nothing and
 * answers with the first drop.
 */
public record DropActionItem(@TargetAggregateIdentifier IncidentId incidentId, UUID actionItemId, String reason,
		String actor, String actorName, String source) {

	public DropActionItem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(actionItemId, "actionItemId is missing");
		Commands.requireOrigin(actor, source);
	}

}
