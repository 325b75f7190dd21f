package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the incident to another severity; the reason is optional.
 */
public record ChangeSeverity(@TargetAggregateIdentifier IncidentId incidentId, Severity severity, String reason,
		String actor, String source, Instant occurredAt) {

	public ChangeSeverity {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(severity, "severity is missing");
		Commands.requireOrigin(actor, source);
	}

}
