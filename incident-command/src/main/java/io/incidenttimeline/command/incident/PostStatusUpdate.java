package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Visibility;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Posts a written update, public (status page) or internal.
 */
public record PostStatusUpdate(@TargetAggregateIdentifier IncidentId incidentId, Visibility visibility, String body,
		String actor, String actorName, String source, Instant occurredAt) {

	public PostStatusUpdate {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(visibility, "visibility is missing");
		Commands.requireOrigin(actor, source);
	}

}
