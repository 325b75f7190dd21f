package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an incident role to someone.
 */
public record AssignRole(@TargetAggregateIdentifier IncidentId incidentId, Role role, String assignee, String actor,
		String actorName, String source, Instant occurredAt) {

	public AssignRole {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(role, "role is missing");
		Commands.requireOrigin(actor, source);
	}

}
