package io.incidenttimeline.command.alerts.grafana;

import java.time.Duration;

import io.incidenttimeline.command.security.RequiredSecrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.alerts.grafana.*}: Grafana's webhook contact point signs
 * {@code timestamp:body} with HMAC-SHA256 when given a secret; the timestamp header is
 * required, and a timestamp more than {@code maxAge} away from our clock is a replay.
 * Without a secret, a bearer token. A secret of {@code disabled} switches Grafana off:
 * nothing is accepted.
 */
@ConfigurationProperties("incident-timeline.alerts.grafana")
record GrafanaProperties(String hmacSecret, @DefaultValue("X-Grafana-Alerting-Signature") String signatureHeader,
		@DefaultValue(GrafanaProperties.TIMESTAMP_HEADER) String timestampHeader, @DefaultValue("5m") Duration maxAge,
		String bearerToken) {

	static final String TIMESTAMP_HEADER = "X-Grafana-Alerting-Signature-Timestamp";

	GrafanaProperties {
		if (RequiredSecrets.switchesOff(hmacSecret)) {
			hmacSecret = null;
			bearerToken = null;
		}
		if (timestampHeader == null || timestampHeader.isBlank()) {
			timestampHeader = TIMESTAMP_HEADER;
		}
	}

}
