package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The alerting system reported the alert resolved; {@code resolvedAt} is the sender's own
 * time for it (Alertmanager's {@code endsAt}) when it gave one. Whether the incident is
 * resolved too is a separate event.
 */
public record AlertResolved(IncidentId incidentId, String integration, String alertKey,
		Instant resolvedAt) implements IncidentEvent {

	public AlertResolved {
		Require.present(incidentId, "incidentId");
		Require.text(integration, "integration", FieldLimits.INTEGRATION);
		Require.text(alertKey, "alertKey", FieldLimits.ALERT_KEY);
		resolvedAt = (resolvedAt == null) ? null : resolvedAt.truncatedTo(ChronoUnit.MICROS);
	}

}
