package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes the reviewed postmortem; publishing it again changes nothing and answers with
 * the first publication.
 */
public record PublishPostmortem(@TargetAggregateIdentifier IncidentId incidentId, String actor, String actorName,
		String source) {

	public PublishPostmortem {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
