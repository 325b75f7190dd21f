package io.incidenttimeline.command.incident;

import java.util.Objects;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks an action item done, with an optional note on how to verify it; completing it
 * again changes nothing and answers with the first completion.
 */
public record CompleteActionItem(@TargetAggregateIdentifier IncidentId incidentId, UUID actionItemId, String note,
		String actor, String actorName, String source) {

	public CompleteActionItem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(actionItemId, "actionItemId is missing");
		Commands.requireOrigin(actor, source);
	}

}
