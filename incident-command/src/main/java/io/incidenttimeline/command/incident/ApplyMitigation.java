package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.MitigationKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a mitigation that was applied (rollback, feature flag, failover...).
 */
public record ApplyMitigation(@TargetAggregateIdentifier IncidentId incidentId, MitigationKind kind, String description,
		String actor, String actorName, String source, Instant occurredAt) {

	public ApplyMitigation {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(kind, "kind is missing");
		Commands.requireOrigin(actor, source);
	}

}
