package io.incidenttimeline.query.statuspage;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import io.incidenttimeline.events.Severity;

/**
 * A component's status in Statuspage's value set, from the incidents that affect it:
 * SEV-1 is a major outage, SEV-2 a partial outage, SEV-3 and SEV-4 degraded performance;
 * no open incident leaves it operational. Declared in rising order of badness.
 */
enum ComponentStatus {

	OPERATIONAL("Operational"), DEGRADED_PERFORMANCE("Degraded Performance"), PARTIAL_OUTAGE("Partial Outage"),
	MAJOR_OUTAGE("Major Outage");

	private final String label;

	ComponentStatus(String label) {
		this.label = label;
	}

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	String label() {
		return this.label;
	}

	static ComponentStatus of(Severity severity) {
		return switch (severity) {
			case SEV_1 -> MAJOR_OUTAGE;
			case SEV_2 -> PARTIAL_OUTAGE;
			case SEV_3, SEV_4 -> DEGRADED_PERFORMANCE;
		};
	}

	/**
	 * The worst status among the severities of the open incidents naming a component.
	 */
	static ComponentStatus worst(Collection<Severity> openIncidentSeverities) {
		return openIncidentSeverities.stream()
			.map(ComponentStatus::of)
			.max(Comparator.naturalOrder())
			.orElse(OPERATIONAL);
	}

	static ComponentStatus fromWire(String wire) {
		return valueOf(wire.toUpperCase(Locale.ROOT));
	}

}
