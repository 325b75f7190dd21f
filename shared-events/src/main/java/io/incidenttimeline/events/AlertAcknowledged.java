package io.incidenttimeline.events;

/**
 * The alerting system reported that the alert was acknowledged there.
 */
public record AlertAcknowledged(IncidentId incidentId, String integration, String alertKey) implements IncidentEvent {

	public AlertAcknowledged {
		Require.present(incidentId, "incidentId");
		Require.text(integration, "integration", FieldLimits.INTEGRATION);
		Require.text(alertKey, "alertKey", FieldLimits.ALERT_KEY);
	}

}
