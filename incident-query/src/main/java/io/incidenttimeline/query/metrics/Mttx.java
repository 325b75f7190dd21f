package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The figures we report, each with the definition it uses. An incident lacking either
 * moment of a figure counts as missing for it. So does one whose end moment precedes its
 * start, which only events recorded before the command side checked the order of moments
 * can give: such a duration means nothing, so it is counted as missing and as
 * inconsistent and never observed, in the JSON figures and the Prometheus histograms
 * alike ({@link #micros}).
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

	private static final String INCONSISTENT = "; an incident whose end moment precedes its start (moments recorded "
			+ "out of order) has no value: it counts as missing and as inconsistent, and is not observed "
			+ "in the Prometheus histogram";

	/**
	 * The longest value in seconds whose microseconds a long holds; longer ones saturate.
	 */
	private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

	Mttx(String key, String definition, Function<IncidentMoments, Instant> start,
			Function<IncidentMoments, Instant> end) {
		this.key = key;
		this.definition = definition + INCONSISTENT;
		this.start = start;
		this.end = end;
	}

	String key() {
		return this.key;
	}

	String definition() {
		return this.definition;
	}

	/**
	 * The incident's value in microseconds (at most {@code Long.MAX_VALUE}, some 292,000
	 * years); empty when a moment is missing or the end precedes the start.
	 */
	OptionalLong micros(IncidentMoments moments) {
		return duration(moments).filter((duration) -> !duration.isNegative())
			.map((duration) -> OptionalLong.of(micros(duration)))
			.orElse(OptionalLong.empty());
	}

	/**
	 * Whether the incident has both moments, the end before the start.
	 */
	boolean isInconsistent(IncidentMoments moments) {
		return duration(moments).map(Duration::isNegative).orElse(false);
	}

	private Optional<Duration> duration(IncidentMoments moments) {
		Instant from = this.start.apply(moments);
		Instant to = this.end.apply(moments);
		return (from != null && to != null) ? Optional.of(Duration.between(from, to)) : Optional.empty();
	}

	private static long micros(Duration duration) {
		if (duration.getSeconds() > MAX_SECONDS) {
			return Long.MAX_VALUE;
		}
		return duration.getSeconds() * 1_000_000 + duration.getNano() / 1_000;
	}

}
