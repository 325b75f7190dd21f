package io.incidenttimeline.command.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.incidenttimeline.command.alerts.AlertProperties.GroupBy;
import io.incidenttimeline.command.alerts.AlertProperties.RoutingRule;
import io.incidenttimeline.events.Severity;

/**
 * The first rule that matches an alert decides where it goes; an alert no rule matches is
 * only recorded.
 */
class RoutingPolicy {

	private static final Map<String, Severity> SEVERITIES = Map.of("critical", Severity.SEV_1, "error", Severity.SEV_2,
			"warning", Severity.SEV_3, "info", Severity.SEV_4);

	private final List<RoutingRule> rules;

	RoutingPolicy(List<RoutingRule> rules) {
		this.rules = List.copyOf(rules);
	}

	Optional<Route> route(Alert alert) {
		for (RoutingRule rule : this.rules) {
			if (matches(rule, alert)) {
				Severity severity = (rule.severity() != null) ? rule.severity() : severity(alert.alertSeverity());
				return Optional.of(new Route(rule.name(), rule.declare(), severity, routeKey(rule.groupBy(), alert)));
			}
		}
		return Optional.empty();
	}

	/**
	 * Unknown or missing alert severities count as warnings: the incident is worth a
	 * look, and downgrading later is free.
	 */
	static Severity severity(String alertSeverity) {
		if (alertSeverity == null) {
			return Severity.SEV_3;
		}
		return SEVERITIES.getOrDefault(alertSeverity.toLowerCase(Locale.ROOT), Severity.SEV_3);
	}

	private static boolean matches(RoutingRule rule, Alert alert) {
		for (Map.Entry<String, String> label : rule.labels().entrySet()) {
			if (!label.getValue().equals(alert.labels().get(label.getKey()))) {
				return false;
			}
		}
		return matchesAny(rule.alertSeverities(), alert.alertSeverity()) && matchesAny(rule.services(), alert.service())
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
