package io.incidenttimeline.query.metrics;

import java.time.Instant;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.metrics.MttxCalculator.Interval;
import io.incidenttimeline.query.web.ServiceName;
import io.incidenttimeline.query.web.TimeRange;
import jakarta.validation.constraints.Pattern;

/**
 * The series query's parameters: a {@link MetricsFilter} and the period to group by
 * ({@code week}, the default, or {@code month}), checked together.
 */
@TimeRange
record SeriesFilter(@Pattern(regexp = "(?i)week|month", message = "must be week or month") String interval,
		Severity severity, @ServiceName String service, Instant from, Instant to) implements TimeRange.Bounded {

	/**
	 * Declared in full so that its parameters carry no annotations: Spring binds this
	 * record through this constructor on every request and, for a compact one, re-reads
	 * the components' constraint annotations from the class file each time (see
	 * {@code IncidentFilter}). The constraints stay on the components, where validation
	 * reads them.
	 */
	SeriesFilter(String interval, Severity severity, String service, Instant from, Instant to) {
		this.interval = interval;
		this.severity = severity;
		this.service = service;
		this.from = from;
		this.to = to;
	}

	MetricsFilter filter() {
		return new MetricsFilter(this.severity, this.service, this.from, this.to);
	}

	Interval grouping() {
		return (this.interval != null) ? Interval.parse(this.interval).orElseThrow() : Interval.WEEK;
	}

}
