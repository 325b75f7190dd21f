package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.Timestamps;

/**
 * The moments of one incident its ordering rules are about, as the incident's events
 * state them and as later corrections restate them: the latest statement of a moment wins
 * (a correction, or for the resolution a later resolution). Changed only by the
 * incident's event-sourcing handlers; asked by its command handlers.
 * <ul>
 * <li>impact started: the declaration's, unless corrected;</li>
 * <li>detected: the earliest of the stated detection, the declaration and the first alert
 * received, unless corrected;</li>
 * <li>declared: when the declaration occurred (never corrected: it is when the record
 * began);</li>
 * <li>acknowledged: the first acknowledgement, here or at an alert's sender;</li>
 * <li>mitigated: the first move to monitoring, or the first resolution when that came
 * earlier;</li>
 * <li>resolved: the last resolution, while the incident is resolved.</li>
 * </ul>
 */
final class KeyMoments {

	/**
	 * The logical order the moments keep, each pair earlier first; a correction must not
	 * break it.
	 */
	private static final List<Point[]> ORDER = List.of(new Point[] { Point.IMPACT_STARTED, Point.DETECTED },
			new Point[] { Point.DETECTED, Point.DECLARED }, new Point[] { Point.DETECTED, Point.ACKNOWLEDGED },
			new Point[] { Point.IMPACT_STARTED, Point.MITIGATED }, new Point[] { Point.DECLARED, Point.RESOLVED });

	private Instant impactStartedAt;

	private Instant declaredAt;

	private Instant detectedAt;

	private Instant acknowledgedAt;

	private Instant firstMonitoringAt;

	private Instant firstResolvedAt;

	private Instant resolvedAt;

	private boolean resolved;

	private final Map<KeyMoment, Instant> corrections = new EnumMap<>(KeyMoment.class);

	void declared(Instant impactStartedAt, Instant declaredAt, Instant statedDetection) {
		this.impactStartedAt = impactStartedAt;
		this.declaredAt = declaredAt;
		this.detectedAt = earliest(statedDetection, declaredAt);
	}

	void alertReceived(Instant receivedAt) {
		this.detectedAt = earliest(this.detectedAt, receivedAt);
	}

	void acknowledged(Instant occurredAt) {
		this.acknowledgedAt = earliest(this.acknowledgedAt, occurredAt);
	}

	void monitoring(Instant occurredAt) {
		this.firstMonitoringAt = earliest(this.firstMonitoringAt, occurredAt);
	}

	/**
	 * A resolution is the latest statement of when the incident was resolved: it replaces
	 * an earlier correction of the resolution.
	 */
	void resolved(Instant occurredAt) {
		this.resolved = true;
		this.resolvedAt = occurredAt;
		this.firstResolvedAt = earliest(this.firstResolvedAt, occurredAt);
		this.corrections.remove(KeyMoment.RESOLVED);
	}

	void reopened() {
		this.resolved = false;
	}

	void corrected(KeyMoment moment, Instant correctedTo) {
		this.corrections.put(moment, correctedTo);
	}

	Instant impactStarted() {
		return this.corrections.getOrDefault(KeyMoment.IMPACT_STARTED, this.impactStartedAt);
	}

	Instant detected() {
		return this.corrections.getOrDefault(KeyMoment.DETECTED, this.detectedAt);
	}

	Instant declared() {
		return this.declaredAt;
	}

	/**
	 * The current value of a key moment, or null while the incident has not reached it.
	 */
	Instant current(KeyMoment moment) {
		return switch (moment) {
			case IMPACT_STARTED -> impactStarted();
			case DETECTED -> detected();
			case ACKNOWLEDGED ->
				(this.acknowledgedAt != null) ? this.corrections.getOrDefault(moment, this.acknowledgedAt) : null;
			case MITIGATED -> {
				Instant mitigated = earliest(this.firstMonitoringAt, this.firstResolvedAt);
				yield (mitigated != null) ? this.corrections.getOrDefault(moment, mitigated) : null;
			}
			case RESOLVED -> this.resolved ? this.corrections.getOrDefault(moment, this.resolvedAt) : null;
		};
	}

	/**
	 * Whether {@code moment} may be corrected to {@code correctedTo}: the moment must
	 * have happened (409), the value must change (409), and the corrected moments must
	 * keep their logical order (400 on {@code correctedTo}, naming the bound).
	 */
	void requireCorrection(KeyMoment moment, Instant correctedTo) {
		Instant current = current(moment);
		if (current == null) {
			throw new IncidentConflictException(switch (moment) {
				case ACKNOWLEDGED -> "the incident was never acknowledged";
				case MITIGATED -> "the incident was never mitigated (it never reached monitoring nor was resolved)";
				default -> "the incident is not resolved";
			});
		}
		if (current.equals(correctedTo)) {
			throw new IncidentConflictException(
					name(moment) + " is already " + Timestamps.format(current) + ": nothing to correct");
		}
		Point corrected = Point.valueOf(moment.name());
		for (Point[] pair : ORDER) {
			Point earlier = pair[0];
			Point later = pair[1];
			if (earlier == corrected) {
				Instant bound = value(later);
				if (bound != null && correctedTo.isAfter(bound)) {
					throw outOfOrder("after", later, bound);
				}
			}
			else if (later == corrected) {
				Instant bound = value(earlier);
				if (bound != null && correctedTo.isBefore(bound)) {
					throw outOfOrder("before", earlier, bound);
				}
			}
		}
	}

	private Instant value(Point point) {
		return (point == Point.DECLARED) ? this.declaredAt : current(KeyMoment.valueOf(point.name()));
	}

	private static InvalidCommandException outOfOrder(String relation, Point bound, Instant value) {
		return new InvalidCommandException("correctedTo", "correctedTo must not be " + relation + " "
				+ bound.description + " (" + Timestamps.format(value) + ")");
	}

	/**
	 * The moment as the API spells it: {@code impact_started}.
	 */
	static String name(KeyMoment moment) {
		return moment.name().toLowerCase(Locale.ROOT);
	}

	private static Instant earliest(Instant one, Instant other) {
		if (one == null) {
			return other;
		}
		return (other == null || one.isBefore(other)) ? one : other;
	}

	/**
	 * The key moments and the declaration, which bounds them but is never corrected.
	 */
	private enum Point {

		IMPACT_STARTED("the impact started"), DETECTED("the incident was detected"),
		DECLARED("the incident was declared"), ACKNOWLEDGED("the incident was acknowledged"),
		MITIGATED("the incident was mitigated"), RESOLVED("the incident was resolved");

		final String description;

		Point(String description) {
			this.description = description;
		}

	}

}
