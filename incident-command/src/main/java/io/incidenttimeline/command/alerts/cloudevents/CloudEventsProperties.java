package io.incidenttimeline.command.alerts.cloudevents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-timeline.alerts.cloudevents.*}: the bearer token senders present.
 */
@ConfigurationProperties("incident-timeline.alerts.cloudevents")
record CloudEventsProperties(String bearerToken) {

}
