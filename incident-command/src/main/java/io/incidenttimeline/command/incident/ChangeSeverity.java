package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the incident to another severity; the reason is optional. Raising it is every
 * responder's call; lowering it (a downgrade, to a less severe level) is a commander's:
 * {@code mayDowngrade} says whether the sender may, and the incident, which alone knows
 * the current severity, refuses a downgrade otherwise ({@link NotAllowedException}).
 */
public record ChangeSeverity(@TargetAggregateIdentifier IncidentId incidentId, Severity severity, String reason,
		String actor, String actorName, String source, Instant occurredAt, boolean mayDowngrade) {

	public ChangeSeverity {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(severity, "severity is missing");
		Commands.requireOrigin(actor, source);
	}

}
