package io.incidenttimeline.query.statuspage;

import java.time.Instant;

import io.incidenttimeline.events.Severity;

/**
 * One incident holding one component at one severity from {@code from} until {@code to};
 * {@code to} is null while it still does.
 */
record ImpactSpan(String component, Severity severity, Instant from, Instant to) {

	boolean isOngoing() {
		return this.to == null;
	}

	/**
	 * Whether it touched [start, end); a span that began and ended at the same moment
	 * touches the day it happened on.
	 */
	boolean touches(Instant start, Instant end, Instant now) {
		Instant until = (this.to != null) ? this.to : now;
		if (!this.from.isBefore(end)) {
			return false;
		}
		return until.isAfter(start) || (!until.isAfter(this.from) && !this.from.isBefore(start));
	}

}
