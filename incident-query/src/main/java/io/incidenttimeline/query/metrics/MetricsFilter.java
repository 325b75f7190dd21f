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

	MetricsFilter {
		service = (service != null) ? service.trim() : null;
	}

}
