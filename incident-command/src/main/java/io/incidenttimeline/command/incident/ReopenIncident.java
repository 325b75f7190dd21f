package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reopens a resolved incident: the fix did not hold.
 */
public record ReopenIncident(@TargetAggregateIdentifier IncidentId incidentId, String reason, String actor,
		String actorName, String source, Instant occurredAt) {

	public ReopenIncident {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
