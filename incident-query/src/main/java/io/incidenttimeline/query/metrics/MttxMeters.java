package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * MTTx as Prometheus histograms per highest severity ({@code incident_mttr_seconds} and
 * friends, with {@code _bucket} series for {@code histogram_quantile}). Each resolution
 * the consumer applies adds one observation per figure, after the transaction commits.
 * These series count since the process started, and a reopened incident resolved again is
 * observed again; the JSON API ({@code /api/metrics/mttx}) is the reproducible source.
 */
@Component
class MttxMeters {

	private static final List<Mttx> OBSERVED = List.of(Mttx.MTTD, Mttx.MTTA, Mttx.MTTM, Mttx.MTTR);

	private final MeterRegistry registry;

	MttxMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void resolvedAfterCommit(IncidentMoments moments) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			observe(moments);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				observe(moments);
			}
		});
	}

	void observe(IncidentMoments moments) {
		for (Mttx metric : OBSERVED) {
			metric.of(moments)
				.filter((duration) -> !duration.isNegative())
				.ifPresent((duration) -> timer(metric, moments.highestSeverity().label()).record(duration));
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
