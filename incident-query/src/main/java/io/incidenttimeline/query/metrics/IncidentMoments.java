package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
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
 * <li>{@code resolvedAt}: the final resolution; a reopening clears it until the incident
 * is resolved again, while {@code firstResolvedAt} stays.</li>
 * </ul>
 */
record IncidentMoments(UUID incidentId, Severity highestSeverity, List<String> services, Instant impactStartedAt,
		Instant declaredAt, Instant firstAlertAt, Instant firstAcknowledgedAt, Instant firstMitigationAppliedAt,
		Instant firstMonitoringAt, Instant firstResolvedAt, Instant resolvedAt, int reopenedCount) {

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
		.on(IncidentReopened.class, IncidentMoments::on);

	static IncidentMoments declared(IncidentDeclared declared, EventEnvelope envelope) {
		return new IncidentMoments(envelope.incidentId().value(), declared.severity(), declared.services(),
				declared.impactStartedAt(), envelope.occurredAt(), null, null, null, null, null, null, 0);
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
		change.firstAcknowledgedAt = earliest(this.firstAcknowledgedAt, envelope.occurredAt());
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
		change.resolvedAt = envelope.occurredAt();
		return change.build();
	}

	IncidentMoments on(IncidentReopened reopened, EventEnvelope envelope) {
		Change change = change();
		change.resolvedAt = null;
		change.reopenedCount = this.reopenedCount + 1;
		return change.build();
	}

	/**
	 * The first alert we received, unless the incident had been declared before it: an
	 * alert that arrives after the declaration detected nothing new.
	 */
	Instant detectedAt() {
		return BY_ALERT.equals(detectedBy()) ? this.firstAlertAt : this.declaredAt;
	}

	String detectedBy() {
		return (this.firstAlertAt != null && !this.firstAlertAt.isAfter(this.declaredAt)) ? BY_ALERT : BY_DECLARATION;
	}

	/**
	 * The first move to monitoring; an incident resolved before it ever reached
	 * monitoring was mitigated at its first resolution at the latest. Null while neither
	 * happened.
	 */
	Instant mitigatedAt() {
		return earliest(this.firstMonitoringAt, this.firstResolvedAt);
	}

	String mitigatedBy() {
		Instant mitigated = mitigatedAt();
		if (mitigated == null) {
			return null;
		}
		return mitigated.equals(this.firstMonitoringAt) ? BY_MONITORING : BY_RESOLUTION;
	}

	boolean isResolved() {
		return this.resolvedAt != null;
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

		private Instant firstAcknowledgedAt;

		private Instant firstMitigationAppliedAt;

		private Instant firstMonitoringAt;

		private Instant firstResolvedAt;

		private Instant resolvedAt;

		private int reopenedCount;

		Change(IncidentMoments from) {
			this.from = from;
			this.highestSeverity = from.highestSeverity;
			this.firstAlertAt = from.firstAlertAt;
			this.firstAcknowledgedAt = from.firstAcknowledgedAt;
			this.firstMitigationAppliedAt = from.firstMitigationAppliedAt;
			this.firstMonitoringAt = from.firstMonitoringAt;
			this.firstResolvedAt = from.firstResolvedAt;
			this.resolvedAt = from.resolvedAt;
			this.reopenedCount = from.reopenedCount;
		}

		IncidentMoments build() {
			return new IncidentMoments(this.from.incidentId, this.highestSeverity, this.from.services,
					this.from.impactStartedAt, this.from.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt,
					this.firstMitigationAppliedAt, this.firstMonitoringAt, this.firstResolvedAt, this.resolvedAt,
					this.reopenedCount);
		}

	}

}
