package io.incidenttimeline.events;

/**
 * The alert whose arrival declared an incident: its integration and its key at the sender
 * (see {@link AlertTriggered}).
 */
public record OpeningAlert(String integration, String alertKey) {

	public OpeningAlert {
		Require.text(integration, "openingAlert.integration", FieldLimits.INTEGRATION);
		Require.text(alertKey, "openingAlert.alertKey", FieldLimits.ALERT_KEY);
	}

}
