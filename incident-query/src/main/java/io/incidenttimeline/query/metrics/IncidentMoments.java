package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;

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

	static IncidentMoments declared(EventEnvelope envelope, IncidentDeclared declared) {
		return new IncidentMoments(envelope.incidentId().value(), declared.severity(), declared.services(),
				declared.impactStartedAt(), envelope.occurredAt(), null, null, null, null, null, null, 0);
	}

	IncidentMoments on(EventEnvelope envelope) {
		IncidentEvent event = envelope.payload();
		Instant at = envelope.occurredAt();
		if (event instanceof SeverityChanged changed && changed.to().isMoreSevereThan(this.highestSeverity)) {
			return new IncidentMoments(this.incidentId, changed.to(), this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt, this.firstMitigationAppliedAt,
					this.firstMonitoringAt, this.firstResolvedAt, this.resolvedAt, this.reopenedCount);
		}
		if (event instanceof AlertTriggered) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, earliest(this.firstAlertAt, at), this.firstAcknowledgedAt,
					this.firstMitigationAppliedAt, this.firstMonitoringAt, this.firstResolvedAt, this.resolvedAt,
					this.reopenedCount);
		}
		if (event instanceof IncidentAcknowledged) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, earliest(this.firstAcknowledgedAt, at),
					this.firstMitigationAppliedAt, this.firstMonitoringAt, this.firstResolvedAt, this.resolvedAt,
					this.reopenedCount);
		}
		if (event instanceof MitigationApplied) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt,
					earliest(this.firstMitigationAppliedAt, at), this.firstMonitoringAt, this.firstResolvedAt,
					this.resolvedAt, this.reopenedCount);
		}
		if (event instanceof StatusChanged changed && changed.to() == IncidentStatus.MONITORING) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt, this.firstMitigationAppliedAt,
					earliest(this.firstMonitoringAt, at), this.firstResolvedAt, this.resolvedAt, this.reopenedCount);
		}
		if (event instanceof IncidentResolved) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt, this.firstMitigationAppliedAt,
					this.firstMonitoringAt, earliest(this.firstResolvedAt, at), at, this.reopenedCount);
		}
		if (event instanceof IncidentReopened) {
			return new IncidentMoments(this.incidentId, this.highestSeverity, this.services, this.impactStartedAt,
					this.declaredAt, this.firstAlertAt, this.firstAcknowledgedAt, this.firstMitigationAppliedAt,
					this.firstMonitoringAt, this.firstResolvedAt, null, this.reopenedCount + 1);
		}
		return this;
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

	private static Instant earliest(Instant current, Instant candidate) {
		if (current == null) {
			return candidate;
		}
		if (candidate == null) {
			return current;
		}
		return candidate.isBefore(current) ? candidate : current;
	}

}
