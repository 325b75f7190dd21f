package io.incidenttimeline.command.alerts;

import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.Severity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.alerts.*}: the limits every payload must keep, the routing
 * rules and whether alerts resolve incidents. Each sender's credentials are its own
 * adapter's ({@code incident-timeline.alerts.<sender>.*}).
 */
@ConfigurationProperties("incident-timeline.alerts")
public record AlertProperties(@DefaultValue Limits limits,
		@DefaultValue("opened-by-alert") IncidentResolution resolveIncidents, List<RoutingRule> rules) {

	public AlertProperties {
		rules = (rules == null) ? List.of() : List.copyOf(rules);
	}

	/**
	 * The summary limit may be lowered, never raised above what an alert event holds.
	 */
	public record Limits(@DefaultValue("64") int maxLabels, @DefaultValue("128") int maxKeyLength,
			@DefaultValue("1024") int maxValueLength,
			@DefaultValue("" + FieldLimits.ALERT_SUMMARY) int maxSummaryLength,
			@DefaultValue("100") int maxAlertsPerRequest) {

		public Limits {
			if (maxSummaryLength > FieldLimits.ALERT_SUMMARY) {
				throw new IllegalArgumentException("max-summary-length must be at most " + FieldLimits.ALERT_SUMMARY
						+ ", the alert events' limit");
			}
		}
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
