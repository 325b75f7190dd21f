package io.incidenttimeline.query.metrics;

import java.time.Instant;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.web.ServiceName;
import io.incidenttimeline.query.web.TimeRange;

/**
 * Which incidents a figure is made of: by highest severity, by a service they named, and
 * by when their impact started ({@code from} inclusive, {@code to} exclusive). Bound from
 * the request and echoed in the answer.
 */
@TimeRange
record MetricsFilter(Severity severity, @ServiceName String service, Instant from,
		Instant to) implements TimeRange.Bounded {

	/**
	 * Declared in full so that its parameters carry no annotations: Spring binds this
	 * record through this constructor on every request and, for a compact one, re-reads
	 * the components' constraint annotations from the class file each time (see
	 * {@code IncidentFilter}). The constraints stay on the components, where validation
	 * reads them.
	 */
	MetricsFilter(Severity severity, String service, Instant from, Instant to) {
		this.severity = severity;
		this.service = (service != null) ? service.trim() : null;
		this.from = from;
		this.to = to;
	}

}
