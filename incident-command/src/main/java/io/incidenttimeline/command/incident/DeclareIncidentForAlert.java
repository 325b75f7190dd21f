package io.incidenttimeline.command.incident;

import java.util.List;
import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An alert that matched a routing rule declares a new incident: the declaration and the
 * alert are recorded together, both occurring when the alert was received.
 */
public record DeclareIncidentForAlert(@TargetAggregateIdentifier IncidentId incidentId, String title, Severity severity,
		List<String> services, Instant impactStartedAt, FiringAlert alert) {

	public DeclareIncidentForAlert {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(severity, "severity is missing");
		services = List.copyOf(Objects.requireNonNull(services, "services is missing"));
		Objects.requireNonNull(alert, "alert is missing");
	}

}
