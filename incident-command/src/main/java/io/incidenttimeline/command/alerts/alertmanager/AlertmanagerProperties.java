package io.incidenttimeline.command.alerts.alertmanager;

import io.incidenttimeline.command.security.RequiredSecrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-timeline.alerts.alertmanager.*}: Alertmanager's {@code http_config}
 * sends either a bearer token or basic auth; either is accepted when configured. A bearer
 * token of {@code disabled} switches Alertmanager off: nothing is accepted.
 */
@ConfigurationProperties("incident-timeline.alerts.alertmanager")
record AlertmanagerProperties(String bearerToken, String username, String password) {

	AlertmanagerProperties {
		if (RequiredSecrets.switchesOff(bearerToken)) {
			bearerToken = null;
			username = null;
			password = null;
		}
	}

}
