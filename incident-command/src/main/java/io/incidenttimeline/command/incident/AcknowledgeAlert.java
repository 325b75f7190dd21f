package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The alerting system reports one of the incident's alerts acknowledged there. It is not
 * an acknowledgement of the incident by a responder.
 */
public record AcknowledgeAlert(@TargetAggregateIdentifier IncidentId incidentId, String integration, String alertKey) {

	public AcknowledgeAlert {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(integration, integration);
		Objects.requireNonNull(alertKey, "alertKey is missing");
	}

}
