package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A responder takes the incident on. Only the first acknowledgement is recorded.
 */
public record AcknowledgeIncident(@TargetAggregateIdentifier IncidentId incidentId, String actor, String actorName,
		String source, Instant occurredAt) {

	public AcknowledgeIncident {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
