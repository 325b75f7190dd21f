package io.incidenttimeline.command.incident;

import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attaches a firing alert to an open incident.
 */
public record TriggerAlert(@TargetAggregateIdentifier IncidentId incidentId, FiringAlert alert) {

	public TriggerAlert {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(alert, "alert is missing");
	}

}
