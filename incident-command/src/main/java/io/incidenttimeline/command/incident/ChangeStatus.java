package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves an open incident along investigating, identified, monitoring.
 */
public record ChangeStatus(@TargetAggregateIdentifier IncidentId incidentId, IncidentStatus status, String actor,
		String actorName, String source, Instant occurredAt) {

	public ChangeStatus {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(status, "status is missing");
		Commands.requireOrigin(actor, source);
	}

}
