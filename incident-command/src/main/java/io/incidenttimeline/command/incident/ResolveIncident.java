package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends the incident; the summary is optional.
 */
public record ResolveIncident(@TargetAggregateIdentifier IncidentId incidentId, String summary, String actor,
		String actorName, String source, Instant occurredAt) {

	public ResolveIncident {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
