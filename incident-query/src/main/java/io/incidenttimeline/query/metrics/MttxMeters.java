package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.query.consuming.EventHistory;
import io.incidenttimeline.query.consuming.EventsApplied;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * MTTx as Prometheus histograms per highest severity ({@code incident_mttr_seconds} and
 * friends, with {@code _bucket} series for {@code histogram_quantile}). Each resolution
 * the consumer applies live adds one observation per figure, after the transaction
 * commits; a rebuild replays resolutions without announcing them, so they are not counted
 * twice. These series count since the process started, and a reopened incident resolved
 * again is observed again; the JSON API ({@code /api/metrics/mttx}) is the reproducible
 * source.
 */
@Component
class MttxMeters {

	private static final List<Mttx> OBSERVED = List.of(Mttx.MTTD, Mttx.MTTA, Mttx.MTTM, Mttx.MTTR);

	private final MeterRegistry registry;

	private final EventHistory history;

	MttxMeters(MeterRegistry registry, EventHistory history) {
		this.registry = registry;
		this.history = history;
	}

	/**
	 * Each resolution among the committed live events, with the incident's moments as
	 * they stood right after it (folded from its history up to the resolution; the
	 * histories of all of them read with one query).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(EventsApplied applied) {
		List<EventEnvelope> resolutions = applied.events()
			.stream()
			.filter((event) -> event.payload() instanceof IncidentResolved)
			.toList();
		if (resolutions.isEmpty()) {
			return;
		}
		Map<IncidentId, Long> latest = new HashMap<>();
		resolutions.forEach((resolution) -> latest.merge(resolution.incidentId(), resolution.sequence(), Math::max));
		Map<IncidentId, List<EventEnvelope>> histories = this.history.through(latest);
		for (EventEnvelope resolution : resolutions) {
			List<EventEnvelope> history = histories.getOrDefault(resolution.incidentId(), List.of())
				.stream()
				.filter((event) -> event.sequence() <= resolution.sequence())
				.toList();
			IncidentMoments.EVENTS.fold(history).ifPresent(this::observe);
		}
	}

	/**
	 * One observation per figure the incident has a value for, the same value the JSON
	 * figures use: a missing or inconsistent one is not observed.
	 */
	void observe(IncidentMoments moments) {
		for (Mttx metric : OBSERVED) {
			metric.micros(moments)
				.ifPresent((micros) -> timer(metric, moments.highestSeverity().label()).record(micros,
						TimeUnit.MICROSECONDS));
		}
	}

	private Timer timer(Mttx metric, String severity) {
		return Timer.builder("incident." + metric.key())
			.description(metric.definition())
			.tag("severity", severity)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofDays(30))
			.register(this.registry);
	}

}
