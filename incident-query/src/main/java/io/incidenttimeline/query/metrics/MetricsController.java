package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import io.incidenttimeline.query.jdbc.ReadCache;
import io.incidenttimeline.query.jdbc.ReadCaches;
import io.incidenttimeline.query.metrics.MttxCalculator.Figure;
import io.incidenttimeline.query.metrics.MttxCalculator.Interval;
import io.incidenttimeline.query.metrics.MttxCalculator.Period;
import jakarta.validation.Valid;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * MTTx figures computed on request from {@code mttx_moments}. {@code from} (inclusive)
 * and {@code to} (exclusive) select incidents by when their impact started, so a period
 * holds the incidents that began in it whenever they were declared or resolved. A report
 * is kept per filter until the consumer or a rebuild commits a change: a quarter's report
 * reads and sorts every incident of the quarter.
 */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

	private final MomentsRepository moments;

	private final ReadCache<MetricsFilter, Report> reports;

	MetricsController(MomentsRepository moments, ReadCaches caches) {
		this.moments = moments;
		this.reports = caches.create();
	}

	@GetMapping("/mttx")
	Report mttx(@Valid MetricsFilter filter) {
		return this.reports.get(filter, this::report);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(EventsApplied applied) {
		this.reports.committing(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(EventsApplied applied) {
		this.reports.committed(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(ProjectionRebuilt rebuilt) {
		this.reports.committing(rebuilt);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(ProjectionRebuilt rebuilt) {
		this.reports.committed(rebuilt);
	}

	private Report report(MetricsFilter filter) {
		List<IncidentMoments> incidents = this.moments.matching(filter);
		return new Report(filter, incidents.size(),
				new Detection(count(incidents, IncidentMoments::detectedBy, IncidentMoments.STATED),
						count(incidents, IncidentMoments::detectedBy, IncidentMoments.BY_ALERT),
						count(incidents, IncidentMoments::detectedBy, IncidentMoments.BY_DECLARATION),
						count(incidents, IncidentMoments::detectedBy, IncidentMoments.CORRECTED)),
				new Acknowledgement(count(incidents, IncidentMoments::acknowledgedBy, IncidentMoments.BY_RESPONDER),
						count(incidents, IncidentMoments::acknowledgedBy, IncidentMoments.BY_SENDER),
						count(incidents, IncidentMoments::acknowledgedBy, IncidentMoments.CORRECTED)),
				MttxCalculator.figures(incidents));
	}

	@GetMapping("/mttx/series")
	Series series(@Valid SeriesFilter request) {
		Interval grouping = request.grouping();
		MetricsFilter filter = request.filter();
		return new Series(grouping.name().toLowerCase(Locale.ROOT), filter,
				MttxCalculator.series(this.moments.matching(filter), grouping));
	}

	/**
	 * Each incident's moments with the derived ones and what they were derived from.
	 */
	@GetMapping("/incidents")
	List<Moments> incidents(@Valid MetricsFilter filter) {
		return this.moments.matching(filter).stream().map(Moments::of).toList();
	}

	private static long count(List<IncidentMoments> incidents, Function<IncidentMoments, String> kind, String value) {
		return incidents.stream().filter((incident) -> value.equals(kind.apply(incident))).count();
	}

	record Report(MetricsFilter filter, long incidents, Detection detectedBy, Acknowledgement acknowledgedBy,
			List<Figure> figures) {
	}

	record Detection(long stated, long alert, long declaration, long corrected) {
	}

	record Acknowledgement(long responder, long sender, long corrected) {
	}

	record Series(String interval, MetricsFilter filter, List<Period> periods) {
	}

	record Moments(UUID incidentId, String highestSeverity, List<String> services, Instant impactStartedAt,
			String impactStartedBy, Instant impactStartedAtAsDeclared, Instant detectedAt, String detectedBy,
			Instant declaredAt, Instant firstAcknowledgedAt, String acknowledgedBy, Instant mitigatedAt,
			String mitigatedBy, Instant firstMitigationAppliedAt, Instant resolvedAt, String resolvedBy,
			int reopenedCount) {

		static Moments of(IncidentMoments moments) {
			return new Moments(moments.incidentId(), moments.highestSeverity().label(), moments.services(),
					moments.impactStartedAt(), moments.impactStartedBy(), moments.impactStartedAtAsDeclared(),
					moments.detectedAt(), moments.detectedBy(), moments.declaredAt(), moments.firstAcknowledgedAt(),
					moments.acknowledgedBy(), moments.mitigatedAt(), moments.mitigatedBy(),
					moments.firstMitigationAppliedAt(), moments.resolvedAt(), moments.resolvedBy(),
					moments.reopenedCount());
		}

	}

}
