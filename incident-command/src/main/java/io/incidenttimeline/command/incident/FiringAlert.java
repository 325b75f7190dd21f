package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A firing alert as an alerting system reported it. {@code integration} names the
 * alerting system and is both the actor and the source of the events it causes.
 */
public record FiringAlert(String integration, String alertKey, String summary, String alertSeverity,
		Map<String, String> labels, Instant firedAt, String link) {

	public FiringAlert {
		Commands.requireOrigin(integration, integration);
		Objects.requireNonNull(alertKey, "alertKey is missing");
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
	}

}
