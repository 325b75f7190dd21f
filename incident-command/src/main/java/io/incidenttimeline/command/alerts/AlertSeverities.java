package io.incidenttimeline.command.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Alert severities as people write them ({@code page}, {@code P1}, {@code sev-2},
 * {@code warn}, {@code informational}), each read as one of the four canonical ones:
 * critical, error, warning, info. Case does not matter. The defaults cover what
 * Prometheus rules, PagerDuty, Opsgenie, syslog and the SEV/P scales use;
 * {@code incident-timeline.alerts.severity-aliases} adds to them or overrides them.
 * Routing and the incident's severity use the canonical severity; the alert's event keeps
 * the sender's own spelling.
 */
@Component
public class AlertSeverities {

	public static final String CRITICAL = "critical";

	public static final String ERROR = "error";

	public static final String WARNING = "warning";

	public static final String INFO = "info";

	/**
	 * The canonical severities, most severe first.
	 */
	public static final List<String> CANONICAL = List.of(CRITICAL, ERROR, WARNING, INFO);

	/**
	 * Unknown or missing severities count as warnings: the incident is worth a look, and
	 * downgrading later is free.
	 */
	public static final String UNKNOWN = WARNING;

	static final Map<String, String> DEFAULTS = defaults();

	private final Map<String, String> aliases;

	@Autowired
	AlertSeverities(AlertProperties properties) {
		this(properties.severityAliases());
	}

	AlertSeverities(Map<String, String> configured) {
		Map<String, String> aliases = new LinkedHashMap<>(DEFAULTS);
		configured.forEach((alias, severity) -> {
			String canonical = severity.strip().toLowerCase(Locale.ROOT);
			if (!CANONICAL.contains(canonical)) {
				throw new IllegalArgumentException("incident-timeline.alerts.severity-aliases." + alias
						+ " must be one of " + CANONICAL + ", not " + severity);
			}
			aliases.put(key(alias), canonical);
		});
		this.aliases = Map.copyOf(aliases);
	}

	/**
	 * The defaults alone.
	 */
	static AlertSeverities withDefaults() {
		return new AlertSeverities(Map.of());
	}

	/**
	 * The canonical severity for what the sender wrote; {@link #UNKNOWN} for a missing or
	 * unknown one.
	 */
	public String canonical(String alertSeverity) {
		if (alertSeverity == null) {
			return UNKNOWN;
		}
		return this.aliases.getOrDefault(key(alertSeverity), UNKNOWN);
	}

	/**
	 * Whether the severity is canonical or a known alias.
	 */
	public boolean isKnown(String alertSeverity) {
		return alertSeverity != null && this.aliases.containsKey(key(alertSeverity));
	}

	/**
	 * Every alias and the severity it stands for.
	 */
	Map<String, String> aliases() {
		return this.aliases;
	}

	private static String key(String alertSeverity) {
		return alertSeverity.strip().toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		put(defaults, CRITICAL, "critical", "crit", "page", "p1", "sev1", "sev-1", "sev_1", "fatal", "emergency",
				"emerg", "alert", "disaster");
		put(defaults, ERROR, "error", "err", "p2", "sev2", "sev-2", "sev_2", "high", "major");
		put(defaults, WARNING, "warning", "warn", "p3", "sev3", "sev-3", "sev_3", "medium", "minor", "ticket",
				"average");
		put(defaults, INFO, "info", "informational", "p4", "p5", "sev4", "sev-4", "sev_4", "sev5", "sev-5", "sev_5",
				"low", "notice", "none", "debug");
		return Map.copyOf(defaults);
	}

	private static void put(Map<String, String> aliases, String severity, String... names) {
		for (String name : names) {
			aliases.put(name, severity);
		}
	}

}
