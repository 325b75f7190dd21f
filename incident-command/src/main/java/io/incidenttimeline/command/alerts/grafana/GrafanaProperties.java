package io.incidenttimeline.command.alerts.grafana;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.alerts.grafana.*}: Grafana's webhook contact point signs the
 * body with HMAC-SHA256 when given a secret; with a timestamp header the signed string is
 * {@code timestamp:body} and a timestamp older than {@code maxAge} is a replay. Without a
 * secret, a bearer token.
 */
@ConfigurationProperties("incident-timeline.alerts.grafana")
record GrafanaProperties(String hmacSecret, @DefaultValue("X-Grafana-Alerting-Signature") String signatureHeader,
		String timestampHeader, @DefaultValue("5m") Duration maxAge, String bearerToken) {

}
