package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.PostmortemSection;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Writes or revises one section of the postmortem: each write is a revision, the last one
 * is the current text.
 */
public record WritePostmortemSection(@TargetAggregateIdentifier IncidentId incidentId, PostmortemSection section,
		String text, String actor, String actorName, String source) {

	public WritePostmortemSection {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
