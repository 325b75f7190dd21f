package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The alerting system reports one of the incident's alerts resolved; {@code resolvedAt}
 * is its own time for that, if it gave one. With {@code resolveIncidentOpenedByAlert} the
 * incident is resolved too when this alert opened it and no human has acted on it since.
 */
public record ResolveAlert(@TargetAggregateIdentifier IncidentId incidentId, String integration, String alertKey,
		Instant resolvedAt, boolean resolveIncidentOpenedByAlert) {

	public ResolveAlert {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(integration, integration);
		Objects.requireNonNull(alertKey, "alertKey is missing");
	}

}
