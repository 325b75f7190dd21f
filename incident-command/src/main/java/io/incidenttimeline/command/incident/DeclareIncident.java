package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Declares a new incident. {@code impactStartedAt}, {@code commander}, {@code detectedAt}
 * (when the problem was first noticed) and {@code detectionMethod} (how) are optional; a
 * missing {@code occurredAt} means now, on the server's clock.
 */
public record DeclareIncident(@TargetAggregateIdentifier IncidentId incidentId, String title, Severity severity,
		List<String> services, Instant impactStartedAt, String commander, Instant detectedAt,
		DetectionMethod detectionMethod, String actor, String actorName, String source, Instant occurredAt) {

	public DeclareIncident {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Objects.requireNonNull(severity, "severity is missing");
		services = List.copyOf(Objects.requireNonNull(services, "services is missing"));
		Commands.requireOrigin(actor, source);
	}

	/**
	 * A declaration that states no detection.
	 */
	public DeclareIncident(IncidentId incidentId, String title, Severity severity, List<String> services,
			Instant impactStartedAt, String commander, String actor, String actorName, String source,
			Instant occurredAt) {
		this(incidentId, title, severity, services, impactStartedAt, commander, null, null, actor, actorName, source,
				occurredAt);
	}

}
