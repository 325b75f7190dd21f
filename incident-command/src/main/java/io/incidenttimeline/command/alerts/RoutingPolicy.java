package io.incidenttimeline.command.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidenttimeline.command.alerts.AlertProperties.GroupBy;
import io.incidenttimeline.command.alerts.AlertProperties.RoutingRule;
import io.incidenttimeline.events.Severity;

/**
 * The first rule that matches an alert decides where it goes; an alert no rule matches is
 * only recorded. Alert severities are read through {@link AlertSeverities}: a rule for
 * {@code critical} takes an alert labelled {@code page}, and an alert with an unknown or
 * no severity counts as a warning.
 */
class RoutingPolicy {

	private static final Map<String, Severity> SEVERITIES = Map.of(AlertSeverities.CRITICAL, Severity.SEV_1,
			AlertSeverities.ERROR, Severity.SEV_2, AlertSeverities.WARNING, Severity.SEV_3, AlertSeverities.INFO,
			Severity.SEV_4);

	private final List<RoutingRule> rules;

	private final AlertSeverities severities;

	/**
	 * With the default severity aliases.
	 */
	RoutingPolicy(List<RoutingRule> rules) {
		this(rules, AlertSeverities.withDefaults());
	}

	RoutingPolicy(List<RoutingRule> rules, AlertSeverities severities) {
		this.rules = List.copyOf(rules);
		this.severities = severities;
	}

	Optional<Route> route(Alert alert) {
		String canonical = this.severities.canonical(alert.alertSeverity());
		for (RoutingRule rule : this.rules) {
			if (matches(rule, alert, canonical)) {
				Severity severity = (rule.severity() != null) ? rule.severity() : SEVERITIES.get(canonical);
				return Optional.of(new Route(rule.name(), rule.declare(), severity, routeKey(rule.groupBy(), alert)));
			}
		}
		return Optional.empty();
	}

	/**
	 * The incident severity for an alert severity under the default aliases: critical
	 * SEV-1, error SEV-2, warning SEV-3, info SEV-4; unknown or missing ones count as
	 * warnings.
	 */
	static Severity severity(String alertSeverity) {
		return SEVERITIES.get(AlertSeverities.withDefaults().canonical(alertSeverity));
	}

	private static boolean matches(RoutingRule rule, Alert alert, String canonicalSeverity) {
		for (Map.Entry<String, String> label : rule.labels().entrySet()) {
			if (!label.getValue().equals(alert.labels().get(label.getKey()))) {
				return false;
			}
		}
		boolean severityMatches = matchesAny(rule.alertSeverities(), alert.alertSeverity())
				|| matchesAny(rule.alertSeverities(), canonicalSeverity);
		return severityMatches && matchesAny(rule.services(), alert.service())
				&& matchesAny(rule.integrations(), alert.integration());
	}

	private static boolean matchesAny(List<String> accepted, String value) {
		return accepted.isEmpty() || (value != null && accepted.stream().anyMatch(value::equalsIgnoreCase));
	}

	private static String routeKey(GroupBy groupBy, Alert alert) {
		if (groupBy == GroupBy.SERVICE && alert.service() != null) {
			return "service:" + alert.service();
		}
		return "group:" + alert.integration() + ":" + alert.groupKey();
	}

	/**
	 * Where a routed alert goes: {@code routeKey} finds the open incident it joins.
	 */
	record Route(String rule, boolean declare, Severity severity, String routeKey) {
	}

}
