package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures we report, each with the definition it uses. An incident lacking either
 * moment of a figure counts as missing for it.
 */
enum Mttx {

	MTTD("mttd",
			"detected - impact started; detected = first alert received (AlertTriggered occurredAt), "
					+ "or the declaration when no alert came before it",
			IncidentMoments::impactStartedAt, IncidentMoments::detectedAt),

	MTTA("mtta", "first acknowledged - detected; first acknowledged = first IncidentAcknowledged occurredAt",
			IncidentMoments::detectedAt, IncidentMoments::firstAcknowledgedAt),

	MTTM("mttm",
			"mitigated - impact started; mitigated = first status change to monitoring, "
					+ "or the first resolution if that came first; MitigationApplied alone does not count",
			IncidentMoments::impactStartedAt, IncidentMoments::mitigatedAt),

	MTTR("mttr",
			"resolved - impact started (time to recovery); resolved = the final resolution, "
					+ "a reopened incident counts as unresolved until resolved again",
			IncidentMoments::impactStartedAt, IncidentMoments::resolvedAt),

	DECLARED_TO_RESOLVED("declaredToResolved",
			"resolved - declared (NOT time to recovery: impact before the declaration is left out); "
					+ "resolved = the final resolution",
			IncidentMoments::declaredAt, IncidentMoments::resolvedAt);

	private final String key;

	private final String definition;

	private final Function<IncidentMoments, Instant> start;

	private final Function<IncidentMoments, Instant> end;

	Mttx(String key, String definition, Function<IncidentMoments, Instant> start,
			Function<IncidentMoments, Instant> end) {
		this.key = key;
		this.definition = definition;
		this.start = start;
		this.end = end;
	}

	String key() {
		return this.key;
	}

	String definition() {
		return this.definition;
	}

	Optional<Duration> of(IncidentMoments moments) {
		Instant from = this.start.apply(moments);
		Instant to = this.end.apply(moments);
		return (from != null && to != null) ? Optional.of(Duration.between(from, to)) : Optional.empty();
	}

}
