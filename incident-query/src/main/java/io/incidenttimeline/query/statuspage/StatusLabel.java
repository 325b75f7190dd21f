package io.incidenttimeline.query.statuspage;

import java.util.Locale;

import io.incidenttimeline.events.IncidentStatus;

/**
 * How an incident status reads to the public: {@code Investigating}, {@code Identified},
 * {@code Monitoring}, {@code Resolved}. The page and the feed both show it.
 */
final class StatusLabel {

	private StatusLabel() {
	}

	static String of(IncidentStatus status) {
		String name = status.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
