package io.incidenttimeline.command.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.Severity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.alerts.*}: one credential per sender, the limits every payload
 * must keep, and the routing rules.
 */
@ConfigurationProperties("incident-timeline.alerts")
record AlertProperties(@DefaultValue Alertmanager alertmanager, @DefaultValue PagerDuty pagerduty,
		@DefaultValue Grafana grafana, @DefaultValue CloudEvents cloudevents, @DefaultValue Limits limits,
		@DefaultValue("opened-by-alert") IncidentResolution resolveIncidents, List<RoutingRule> rules) {

	AlertProperties {
		rules = (rules == null) ? List.of() : List.copyOf(rules);
	}

	/**
	 * Alertmanager's {@code http_config} sends either a bearer token or basic auth;
	 * either is accepted when configured.
	 */
	record Alertmanager(String bearerToken, String username, String password) {
	}

	/**
	 * The routing keys are the credentials; each has its own token bucket of
	 * {@code burst} events refilled at {@code eventsPerMinute}.
	 */
	record PagerDuty(List<String> routingKeys, @DefaultValue("120") int eventsPerMinute,
			@DefaultValue("60") int burst) {

		PagerDuty {
			routingKeys = (routingKeys == null) ? List.of() : List.copyOf(routingKeys);
		}
	}

	/**
	 * Grafana's webhook contact point signs the body with HMAC-SHA256 when given a
	 * secret; with a timestamp header the signed string is {@code timestamp:body} and a
	 * timestamp older than {@code maxAge} is a replay. Without a secret, a bearer token.
	 */
	record Grafana(String hmacSecret, @DefaultValue("X-Grafana-Alerting-Signature") String signatureHeader,
			String timestampHeader, @DefaultValue("5m") Duration maxAge, String bearerToken) {
	}

	record CloudEvents(String bearerToken) {
	}

	record Limits(@DefaultValue("64") int maxLabels, @DefaultValue("128") int maxKeyLength,
			@DefaultValue("1024") int maxValueLength, @DefaultValue("1024") int maxSummaryLength,
			@DefaultValue("100") int maxAlertsPerRequest) {
	}

	enum IncidentResolution {

		/**
		 * Resolve the incident when the alert that opened it resolves and nobody has
		 * acted on it.
		 */
		OPENED_BY_ALERT,

		/**
		 * Only people resolve incidents.
		 */
		NEVER

	}

	/**
	 * A rule matches when every condition given matches: labels (exact values), alert
	 * severities, services and integrations. The first matching rule decides: with
	 * {@code declare} a new incident is declared when no open one has the same grouping
	 * key; without, the alert only joins an open one. {@code severities} overrides the
	 * default mapping from alert severity to incident severity.
	 */
	record RoutingRule(String name, Map<String, String> labels, List<String> alertSeverities, List<String> services,
			List<String> integrations, @DefaultValue("true") boolean declare, Severity severity,
			@DefaultValue("service") GroupBy groupBy) {

		RoutingRule {
			labels = (labels == null) ? Map.of() : Map.copyOf(labels);
			alertSeverities = (alertSeverities == null) ? List.of() : List.copyOf(alertSeverities);
			services = (services == null) ? List.of() : List.copyOf(services);
			integrations = (integrations == null) ? List.of() : List.copyOf(integrations);
		}
	}

	enum GroupBy {

		/**
		 * Alerts of one service share an incident; alerts without a service fall back to
		 * their sender's group.
		 */
		SERVICE,

		/**
		 * Alerts share an incident when their sender grouped them (Alertmanager's
		 * {@code groupKey}, PagerDuty's {@code payload.group}).
		 */
		GROUP

	}

}
