package io.incidenttimeline.command.alerts.alertmanager;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-timeline.alerts.alertmanager.*}: Alertmanager's {@code http_config}
 * sends either a bearer token or basic auth; either is accepted when configured.
 */
@ConfigurationProperties("incident-timeline.alerts.alertmanager")
record AlertmanagerProperties(String bearerToken, String username, String password) {

}
