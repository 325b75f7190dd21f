package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts the blameless postmortem of a resolved incident; starting it again changes
 * nothing and answers with the first start.
 */
public record StartPostmortem(@TargetAggregateIdentifier IncidentId incidentId, String actor, String actorName,
		String source) {

	public StartPostmortem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
