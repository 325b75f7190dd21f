package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
			"detected - impact started; detected = the earliest of the stated detection (the declaration's "
					+ "detectedAt), the first alert received (AlertTriggered occurredAt) if it came no later than the "
					+ "declaration, and the declaration; impact started = the declaration's; a KeyMomentCorrected "
					+ "of either moment wins",
			Moment.IMPACT_STARTED, Moment.DETECTED),

	MTTA("mtta",
			"first acknowledged - detected; first acknowledged = the earliest IncidentAcknowledged (responder) "
					+ "or AlertAcknowledged (sender) occurredAt; a KeyMomentCorrected wins",
			Moment.DETECTED, Moment.ACKNOWLEDGED),

	MTTM("mttm",
			"mitigated - impact started; mitigated = first status change to monitoring, "
					+ "or the first resolution if that came first; MitigationApplied alone does not count; "
					+ "a KeyMomentCorrected wins",
			Moment.IMPACT_STARTED, Moment.MITIGATED),

	MTTR("mttr",
			"resolved - impact started (time to recovery); resolved = the final resolution, "
					+ "a reopened incident counts as unresolved until resolved again; a KeyMomentCorrected wins",
			Moment.IMPACT_STARTED, Moment.RESOLVED),

	DECLARED_TO_RESOLVED("declaredToResolved",
			"resolved - declared (NOT time to recovery: impact before the declaration is left out); "
					+ "resolved = the final resolution",
			Moment.DECLARED, Moment.RESOLVED);

	private final String key;

	private final String definition;

	private final Moment start;

	private final Moment end;

	private static final String INCONSISTENT = "; an incident whose end moment precedes its start (moments recorded "
			+ "out of order) has no value: it counts as missing and as inconsistent, and is not observed "
			+ "in the Prometheus histogram";

	/**
	 * The longest value in seconds whose microseconds a long holds; longer ones saturate.
	 */
	private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

	Mttx(String key, String definition, Moment start, Moment end) {
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
	 * The two moments of the figure by name ({@code impactStarted}, {@code detected}, …),
	 * each with the kind of fact it used for this incident ({@code declared},
	 * {@code corrected}, {@code stated}, {@code alert}, {@code responder},
	 * {@code sender}, …).
	 */
	Map<String, String> kinds(IncidentMoments moments) {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put(this.start.key, this.start.kind.apply(moments));
		kinds.put(this.end.key, this.end.kind.apply(moments));
		return kinds;
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
		Instant from = this.start.at.apply(moments);
		Instant to = this.end.at.apply(moments);
		return (from != null && to != null) ? Optional.of(Duration.between(from, to)) : Optional.empty();
	}

	/**
	 * A moment a figure starts or ends with, and which kind of fact gave it.
	 */
	enum Moment {

		IMPACT_STARTED("impactStarted", IncidentMoments::impactStartedAt, IncidentMoments::impactStartedBy),

		DETECTED("detected", IncidentMoments::detectedAt, IncidentMoments::detectedBy),

		DECLARED("declared", IncidentMoments::declaredAt, (moments) -> IncidentMoments.BY_DECLARATION),

		ACKNOWLEDGED("acknowledged", IncidentMoments::firstAcknowledgedAt, IncidentMoments::acknowledgedBy),

		MITIGATED("mitigated", IncidentMoments::mitigatedAt, IncidentMoments::mitigatedBy),

		RESOLVED("resolved", IncidentMoments::resolvedAt, IncidentMoments::resolvedBy);

		private final String key;

		private final Function<IncidentMoments, Instant> at;

		private final Function<IncidentMoments, String> kind;

		Moment(String key, Function<IncidentMoments, Instant> at, Function<IncidentMoments, String> kind) {
			this.key = key;
			this.at = at;
			this.kind = kind;
		}

	}

	private static long micros(Duration duration) {
		if (duration.getSeconds() > MAX_SECONDS) {
			return Long.MAX_VALUE;
		}
		return duration.getSeconds() * 1_000_000 + duration.getNano() / 1_000;
	}

}
