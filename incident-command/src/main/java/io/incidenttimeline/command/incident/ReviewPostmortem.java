package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the review of the postmortem (the reviewer is the actor), with optional notes.
 */
public record ReviewPostmortem(@TargetAggregateIdentifier IncidentId incidentId, String notes, String actor,
		String actorName, String source) {

	public ReviewPostmortem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
