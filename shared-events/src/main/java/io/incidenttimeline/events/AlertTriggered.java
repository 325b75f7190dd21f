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
public record AlertTriggered(IncidentId incidentId, String integration, String alertKey, String summary,
		String alertSeverity, Map<String, String> labels, Instant firedAt, String link) implements IncidentEvent {

	public AlertTriggered {
		Require.present(incidentId, "incidentId");
		Require.text(integration, "integration", 64);
		Require.text(alertKey, "alertKey", 255);
		Require.text(summary, "summary", 1024);
		alertSeverity = Require.optionalText(alertSeverity, "alertSeverity", 64);
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
		firedAt = (firedAt == null) ? null : firedAt.truncatedTo(ChronoUnit.MICROS);
		link = Require.optionalText(link, "link", 2048);
	}

}
