package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.InvalidParameters;
import io.incidenttimeline.query.InvalidParameters.FieldError;
import io.incidenttimeline.query.metrics.MomentsRepository.MetricsFilter;
import io.incidenttimeline.query.metrics.MttxCalculator.Figure;
import io.incidenttimeline.query.metrics.MttxCalculator.Interval;
import io.incidenttimeline.query.metrics.MttxCalculator.Period;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * MTTx figures computed on request from {@code mttx_moments}. {@code from} (inclusive)
 * and {@code to} (exclusive) select incidents by when their impact started, so a period
 * holds the incidents that began in it whenever they were declared or resolved.
 */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

	private final MomentsRepository moments;

	MetricsController(MomentsRepository moments) {
		this.moments = moments;
	}

	@GetMapping("/mttx")
	Report mttx(@RequestParam(required = false) String severity, @RequestParam(required = false) String service,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		List<FieldError> errors = new ArrayList<>();
		MetricsFilter filter = filter(severity, service, from, to, errors);
		throwIfAny(errors);
		List<IncidentMoments> incidents = this.moments.matching(filter);
		long byAlert = incidents.stream().filter((i) -> IncidentMoments.BY_ALERT.equals(i.detectedBy())).count();
		return new Report(filter, incidents.size(), new Detection(byAlert, incidents.size() - byAlert),
				MttxCalculator.figures(incidents));
	}

	@GetMapping("/mttx/series")
	Series series(@RequestParam(required = false) String interval, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String service, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldError> errors = new ArrayList<>();
		Interval grouping = Interval.WEEK;
		if (interval != null) {
			grouping = Interval.parse(interval).orElse(null);
			if (grouping == null) {
				errors.add(new FieldError("interval", "must be week or month"));
			}
		}
		MetricsFilter filter = filter(severity, service, from, to, errors);
		throwIfAny(errors);
		return new Series(grouping.name().toLowerCase(), filter,
				MttxCalculator.series(this.moments.matching(filter), grouping));
	}

	/**
	 * Each incident's moments with the derived ones and what they were derived from.
	 */
	@GetMapping("/incidents")
	List<Moments> incidents(@RequestParam(required = false) String severity,
			@RequestParam(required = false) String service, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		List<FieldError> errors = new ArrayList<>();
		MetricsFilter filter = filter(severity, service, from, to, errors);
		throwIfAny(errors);
		return this.moments.matching(filter).stream().map(Moments::of).toList();
	}

	private static MetricsFilter filter(String severity, String service, String from, String to,
			List<FieldError> errors) {
		Severity level = null;
		if (severity != null) {
			try {
				level = Severity.fromLabel(severity.trim());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("severity", "must be one of SEV-1, SEV-2, SEV-3, SEV-4"));
			}
		}
		if (service != null && (service.isBlank() || service.length() > 100)) {
			errors.add(new FieldError("service", "must be 1 to 100 characters"));
		}
		Instant start = timestamp("from", from, errors);
		Instant end = timestamp("to", to, errors);
		if (start != null && end != null && !start.isBefore(end)) {
			errors.add(new FieldError("to", "must be after from"));
		}
		return new MetricsFilter(level, (service != null) ? service.trim() : null, start, end);
	}

	private static Instant timestamp(String field, String text, List<FieldError> errors) {
		if (text == null) {
			return null;
		}
		try {
			return Timestamps.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be an RFC 3339 timestamp such as 2026-11-01T00:00:00Z"));
			return null;
		}
	}

	private static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidParameters(errors);
		}
	}

	record Report(MetricsFilter filter, long incidents, Detection detectedBy, List<Figure> figures) {
	}

	record Detection(long alert, long declaration) {
	}

	record Series(String interval, MetricsFilter filter, List<Period> periods) {
	}

	record Moments(UUID incidentId, String highestSeverity, List<String> services, Instant impactStartedAt,
			Instant detectedAt, String detectedBy, Instant declaredAt, Instant firstAcknowledgedAt, Instant mitigatedAt,
			String mitigatedBy, Instant firstMitigationAppliedAt, Instant resolvedAt, int reopenedCount) {

		static Moments of(IncidentMoments moments) {
			return new Moments(moments.incidentId(), moments.highestSeverity().label(), moments.services(),
					moments.impactStartedAt(), moments.detectedAt(), moments.detectedBy(), moments.declaredAt(),
					moments.firstAcknowledgedAt(), moments.mitigatedAt(), moments.mitigatedBy(),
					moments.firstMitigationAppliedAt(), moments.resolvedAt(), moments.reopenedCount());
		}

	}

}
