package io.incidenttimeline.query.statuspage;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import io.incidenttimeline.events.Severity;

/**
 * Statuspage's overall indicator, also the value set of an incident's impact: SEV-1 is
 * critical, SEV-2 major, SEV-3 and SEV-4 minor; the worst open incident sets the page's.
 * Declared in rising order of badness, with Statuspage's descriptions.
 */
enum Indicator {

	NONE("All Systems Operational"), MINOR("Minor Service Outage"), MAJOR("Partial System Outage"),
	CRITICAL("Major System Outage");

	private final String description;

	Indicator(String description) {
		this.description = description;
	}

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	String description() {
		return this.description;
	}

	static Indicator of(Severity severity) {
		return switch (severity) {
			case SEV_1 -> CRITICAL;
			case SEV_2 -> MAJOR;
			case SEV_3, SEV_4 -> MINOR;
		};
	}

	static Indicator worst(Collection<Severity> openIncidentSeverities) {
		return openIncidentSeverities.stream().map(Indicator::of).max(Comparator.naturalOrder()).orElse(NONE);
	}

}
