package io.incidenttimeline.command.alerts.cloudevents;

import io.incidenttimeline.command.security.RequiredSecrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-timeline.alerts.cloudevents.*}: the bearer token senders present;
 * {@code disabled} switches CloudEvents off: nothing is accepted.
 */
@ConfigurationProperties("incident-timeline.alerts.cloudevents")
record CloudEventsProperties(String bearerToken) {

	CloudEventsProperties {
		if (RequiredSecrets.switchesOff(bearerToken)) {
			bearerToken = null;
		}
	}

}
