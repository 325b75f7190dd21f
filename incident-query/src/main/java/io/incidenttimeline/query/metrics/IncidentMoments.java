package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.query.consuming.EventHandlers;

/**
 * The moments of one incident that MTTx figures are made of, each the {@code occurredAt}
 * of the event that reported it (so backdated entries count when they happened). Only raw
 * moments are stored; {@link #detectedAt()} and {@link #mitigatedAt()} are derived here,
 * so changing their definition is a code change plus a rebuild.
 * <ul>
 * <li>{@code highestSeverity}: the most severe level the incident ever had, so an
 * incident downgraded after triage still counts where it hurt most;</li>
 * <li>{@code firstAlertAt}: the earliest {@code AlertTriggered} (our receipt);</li>
 * <li>{@code firstMitigationAppliedAt}: kept for reference only, a mitigation attempt is
 * not proof that impact stopped;</li>
 * <li>{@code finalResolvedAt}: the final resolution; a reopening clears it until the
 * incident is resolved again, while {@code firstResolvedAt} stays;</li>
 * <li>{@code statedDetectedAt}: the declaration's {@code detectedAt}, when it says;</li>
 * <li>{@code firstAcknowledgedByResponderAt}/{@code firstAcknowledgedBySenderAt}: the
 * first {@code IncidentAcknowledged} and the first {@code AlertAcknowledged};</li>
 * <li>{@code corrections}: the latest {@code KeyMomentCorrected} of each moment, which
 * wins over what the events said.</li>
 * </ul>
 * The derived moments ({@link #impactStartedAt()}, {@link #detectedAt()},
 * {@link #firstAcknowledgedAt()}, {@link #mitigatedAt()}, {@link #resolvedAt()}) each say
 * which kind of fact they used ({@code …By()}).
 */
record IncidentMoments(UUID incidentId, Severity highestSeverity, List<String> services,
		Instant impactStartedAtAsDeclared, Instant declaredAt, Instant statedDetectedAt, Instant firstAlertAt,
		Instant firstAcknowledgedByResponderAt, Instant firstAcknowledgedBySenderAt, Instant firstMitigationAppliedAt,
		Instant firstMonitoringAt, Instant firstResolvedAt, Instant finalResolvedAt, int reopenedCount,
		Corrections corrections) {

	static final String STATED = "stated";

	static final String DECLARED = "declared";

	static final String CORRECTED = "corrected";

	static final String BY_RESPONDER = "responder";

	static final String BY_SENDER = "sender";

	static final String BY_ALERT = "alert";

	static final String BY_DECLARATION = "declaration";

	static final String BY_MONITORING = "monitoring";

	static final String BY_RESOLUTION = "resolution";

	IncidentMoments {
		services = List.copyOf(services);
	}

	static final EventHandlers<IncidentMoments> EVENTS = EventHandlers.startingWith(IncidentMoments::declared)
		.on(SeverityChanged.class, IncidentMoments::on)
		.on(AlertTriggered.class, IncidentMoments::on)
		.on(IncidentAcknowledged.class, IncidentMoments::on)
		.on(MitigationApplied.class, IncidentMoments::on)
		.on(StatusChanged.class, IncidentMoments::on)
		.on(IncidentResolved.class, IncidentMoments::on)
		.on(IncidentReopened.class, IncidentMoments::on)
		.on(AlertAcknowledged.class, IncidentMoments::on)
		.on(KeyMomentCorrected.class, IncidentMoments::on);

	static IncidentMoments declared(IncidentDeclared declared, EventEnvelope envelope) {
		return new IncidentMoments(envelope.incidentId().value(), declared.severity(), declared.services(),
				declared.impactStartedAt(), envelope.occurredAt(), declared.detectedAt(), null, null, null, null, null,
				null, null, 0, Corrections.NONE);
	}

	IncidentMoments on(SeverityChanged changed, EventEnvelope envelope) {
		if (!changed.to().isMoreSevereThan(this.highestSeverity)) {
			return this;
		}
		Change change = change();
		change.highestSeverity = changed.to();
		return change.build();
	}

	IncidentMoments on(AlertTriggered triggered, EventEnvelope envelope) {
		Change change = change();
		change.firstAlertAt = earliest(this.firstAlertAt, envelope.occurredAt());
		return change.build();
	}

	IncidentMoments on(IncidentAcknowledged acknowledged, EventEnvelope envelope) {
		Change change = change();
		change.firstAcknowledgedByResponderAt = earliest(this.firstAcknowledgedByResponderAt, envelope.occurredAt());
		return change.build();
	}

	IncidentMoments on(AlertAcknowledged acknowledged, EventEnvelope envelope) {
		Change change = change();
		change.firstAcknowledgedBySenderAt = earliest(this.firstAcknowledgedBySenderAt, envelope.occurredAt());
		return change.build();
	}

	/**
	 * Corrections win over the events: the latest correction of a moment is its value. A
	 * later resolution or reopening makes a correction of {@code resolved} obsolete.
	 */
	IncidentMoments on(KeyMomentCorrected corrected, EventEnvelope envelope) {
		Change change = change();
		change.corrections = this.corrections.with(corrected.moment(), corrected.correctedTo());
		return change.build();
	}

	IncidentMoments on(MitigationApplied applied, EventEnvelope envelope) {
		Change change = change();
		change.firstMitigationAppliedAt = earliest(this.firstMitigationAppliedAt, envelope.occurredAt());
		return change.build();
	}

	IncidentMoments on(StatusChanged changed, EventEnvelope envelope) {
		if (changed.to() != IncidentStatus.MONITORING) {
			return this;
		}
		Change change = change();
		change.firstMonitoringAt = earliest(this.firstMonitoringAt, envelope.occurredAt());
		return change.build();
	}

	IncidentMoments on(IncidentResolved resolved, EventEnvelope envelope) {
		Change change = change();
		change.firstResolvedAt = earliest(this.firstResolvedAt, envelope.occurredAt());
		change.finalResolvedAt = envelope.occurredAt();
		change.corrections = this.corrections.with(KeyMoment.RESOLVED, null);
		return change.build();
	}

	IncidentMoments on(IncidentReopened reopened, EventEnvelope envelope) {
		Change change = change();
		change.finalResolvedAt = null;
		change.corrections = this.corrections.with(KeyMoment.RESOLVED, null);
		change.reopenedCount = this.reopenedCount + 1;
		return change.build();
	}

	/**
	 * When impact started: the declaration's, unless a correction says otherwise.
	 */
	Instant impactStartedAt() {
		return (this.corrections.impactStartedAt() != null) ? this.corrections.impactStartedAt()
				: this.impactStartedAtAsDeclared;
	}

	String impactStartedBy() {
		return (this.corrections.impactStartedAt() != null) ? CORRECTED : DECLARED;
	}

	/**
	 * The earliest of the stated detection, the first alert we received (unless it came
	 * after the declaration: then it detected nothing new) and the declaration, unless a
	 * correction says otherwise.
	 */
	Instant detectedAt() {
		return switch (detectedBy()) {
			case CORRECTED -> this.corrections.detectedAt();
			case STATED -> this.statedDetectedAt;
			case BY_ALERT -> this.firstAlertAt;
			default -> this.declaredAt;
		};
	}

	/**
	 * {@code corrected}, {@code stated}, {@code alert} or {@code declaration}; on a tie
	 * the stated detection wins, then the alert.
	 */
	String detectedBy() {
		if (this.corrections.detectedAt() != null) {
			return CORRECTED;
		}
		Instant alert = (this.firstAlertAt != null && !this.firstAlertAt.isAfter(this.declaredAt)) ? this.firstAlertAt
				: null;
		Instant earliest = earliest(alert, this.declaredAt);
		if (this.statedDetectedAt != null && !this.statedDetectedAt.isAfter(earliest)) {
			return STATED;
		}
		return (alert != null) ? BY_ALERT : BY_DECLARATION;
	}

	/**
	 * The first acknowledgement, by a responder here or in the alert's sender (PagerDuty
	 * {@code acknowledge}, CloudEvents {@code alert.acknowledged}), unless a correction
	 * says otherwise. Null while nobody acknowledged.
	 */
	Instant firstAcknowledgedAt() {
		if (this.corrections.acknowledgedAt() != null) {
			return this.corrections.acknowledgedAt();
		}
		return earliest(this.firstAcknowledgedByResponderAt, this.firstAcknowledgedBySenderAt);
	}

	/**
	 * {@code corrected}, {@code responder} or {@code sender} (a tie goes to the
	 * responder); null while nobody acknowledged.
	 */
	String acknowledgedBy() {
		if (this.corrections.acknowledgedAt() != null) {
			return CORRECTED;
		}
		Instant first = firstAcknowledgedAt();
		if (first == null) {
			return null;
		}
		return first.equals(this.firstAcknowledgedByResponderAt) ? BY_RESPONDER : BY_SENDER;
	}

	/**
	 * The first move to monitoring; an incident resolved before it ever reached
	 * monitoring was mitigated at its first resolution at the latest; a correction wins.
	 * Null while none of these happened.
	 */
	Instant mitigatedAt() {
		if (this.corrections.mitigatedAt() != null) {
			return this.corrections.mitigatedAt();
		}
		return earliest(this.firstMonitoringAt, this.firstResolvedAt);
	}

	String mitigatedBy() {
		if (this.corrections.mitigatedAt() != null) {
			return CORRECTED;
		}
		Instant mitigated = mitigatedAt();
		if (mitigated == null) {
			return null;
		}
		return mitigated.equals(this.firstMonitoringAt) ? BY_MONITORING : BY_RESOLUTION;
	}

	/**
	 * The final resolution, corrected when a correction of it came after it; null while
	 * unresolved (never resolved, or reopened).
	 */
	Instant resolvedAt() {
		if (this.finalResolvedAt == null) {
			return null;
		}
		return (this.corrections.resolvedAt() != null) ? this.corrections.resolvedAt() : this.finalResolvedAt;
	}

	String resolvedBy() {
		if (this.finalResolvedAt == null) {
			return null;
		}
		return (this.corrections.resolvedAt() != null) ? CORRECTED : BY_RESOLUTION;
	}

	boolean isResolved() {
		return this.finalResolvedAt != null;
	}

	private Change change() {
		return new Change(this);
	}

	private static Instant earliest(Instant current, Instant candidate) {
		if (current == null) {
			return candidate;
		}
		if (candidate == null) {
			return current;
		}
		return candidate.isBefore(current) ? candidate : current;
	}

	/**
	 * A copy of the moments with some of them changed: each handler sets only what its
	 * event changes.
	 */
	private static final class Change {

		private final IncidentMoments from;

		private Severity highestSeverity;

		private Instant firstAlertAt;

		private Instant firstAcknowledgedByResponderAt;

		private Instant firstAcknowledgedBySenderAt;

		private Instant firstMitigationAppliedAt;

		private Instant firstMonitoringAt;

		private Instant firstResolvedAt;

		private Instant finalResolvedAt;

		private int reopenedCount;

		private Corrections corrections;

		Change(IncidentMoments from) {
			this.from = from;
			this.highestSeverity = from.highestSeverity;
			this.firstAlertAt = from.firstAlertAt;
			this.firstAcknowledgedByResponderAt = from.firstAcknowledgedByResponderAt;
			this.firstAcknowledgedBySenderAt = from.firstAcknowledgedBySenderAt;
			this.firstMitigationAppliedAt = from.firstMitigationAppliedAt;
			this.firstMonitoringAt = from.firstMonitoringAt;
			this.firstResolvedAt = from.firstResolvedAt;
			this.finalResolvedAt = from.finalResolvedAt;
			this.reopenedCount = from.reopenedCount;
			this.corrections = from.corrections;
		}

		IncidentMoments build() {
			return new IncidentMoments(this.from.incidentId, this.highestSeverity, this.from.services,
					this.from.impactStartedAtAsDeclared, this.from.declaredAt, this.from.statedDetectedAt,
					this.firstAlertAt, this.firstAcknowledgedByResponderAt, this.firstAcknowledgedBySenderAt,
					this.firstMitigationAppliedAt, this.firstMonitoringAt, this.firstResolvedAt, this.finalResolvedAt,
					this.reopenedCount, this.corrections);
		}

	}

	/**
	 * The latest correction of each key moment, null where there is none.
	 */
	record Corrections(Instant impactStartedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt,
			Instant resolvedAt) {

		static final Corrections NONE = new Corrections(null, null, null, null, null);

		Corrections with(KeyMoment moment, Instant to) {
			return switch (moment) {
				case IMPACT_STARTED ->
					new Corrections(to, this.detectedAt, this.acknowledgedAt, this.mitigatedAt, this.resolvedAt);
				case DETECTED ->
					new Corrections(this.impactStartedAt, to, this.acknowledgedAt, this.mitigatedAt, this.resolvedAt);
				case ACKNOWLEDGED ->
					new Corrections(this.impactStartedAt, this.detectedAt, to, this.mitigatedAt, this.resolvedAt);
				case MITIGATED ->
					new Corrections(this.impactStartedAt, this.detectedAt, this.acknowledgedAt, to, this.resolvedAt);
				case RESOLVED ->
					new Corrections(this.impactStartedAt, this.detectedAt, this.acknowledgedAt, this.mitigatedAt, to);
			};
		}

	}

}
