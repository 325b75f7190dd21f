package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An alerting system reported a firing alert that was routed to this incident. The
 * envelope's {@code occurredAt} is when we received it (the moment of detection); the
 * sender's own timestamp, often earlier, is {@code firedAt} (Alertmanager's
 * {@code startsAt}, PagerDuty's {@code payload.timestamp}). {@code alertKey} identifies
 * the alert at its sender: Alertmanager fingerprint, PagerDuty dedup key.
 */
public record AlertTriggered(IncidentId incidentId, String integration, String alertKey, @MultiLine String summary,
		String alertSeverity, Map<String, String> labels, Instant firedAt, String link) implements IncidentEvent {

	public AlertTriggered {
		Require.present(incidentId, "incidentId");
		Require.text(integration, "integration", FieldLimits.INTEGRATION);
		Require.text(alertKey, "alertKey", FieldLimits.ALERT_KEY);
		Require.text(summary, "summary", FieldLimits.ALERT_SUMMARY);
		alertSeverity = Require.optionalText(alertSeverity, "alertSeverity", FieldLimits.ALERT_SEVERITY);
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
		firedAt = (firedAt == null) ? null : firedAt.truncatedTo(ChronoUnit.MICROS);
		link = Require.optionalText(link, "link", FieldLimits.LINK);
	}

}
