package io.incidenttimeline.query.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;

/**
 * One incident as the incidents projection keeps it, folded from its events.
 * <ul>
 * <li>{@code declaredAt} is when the declaration happened (its occurredAt);
 * {@code impactStartedAt} comes from the declaration.</li>
 * <li>{@code acknowledgedAt}/{@code acknowledgedBy}: the first acknowledgement.</li>
 * <li>{@code mitigatedAt}: the earliest occurredAt among mitigations applied and moves to
 * monitoring, the first moment users stopped suffering; a reopening does not clear
 * it.</li>
 * <li>{@code resolvedAt}: the latest resolution; a reopening clears it and puts the
 * incident back to investigating.</li>
 * <li>{@code commander} follows the declaration, then every assignment of
 * incident_commander, which also shows among {@code roles}.</li>
 * </ul>
 */
record Incident(UUID id, String title, String severity, String status, List<String> services, String commander,
		Map<String, String> roles, String acknowledgedBy, Instant acknowledgedAt, List<Mitigation> mitigations,
		Instant impactStartedAt, Instant declaredAt, Instant mitigatedAt, Instant resolvedAt) {

	Incident {
		services = List.copyOf(services);
		roles = Collections.unmodifiableMap(new TreeMap<>(roles));
		mitigations = List.copyOf(mitigations);
	}

	static Incident declared(EventEnvelope envelope, IncidentDeclared declared) {
		Map<String, String> roles = new LinkedHashMap<>();
		if (declared.commander() != null) {
			roles.put(label(Role.INCIDENT_COMMANDER), declared.commander());
		}
		return new Incident(declared.incidentId().value(), declared.title(), declared.severity().label(),
				label(IncidentStatus.INVESTIGATING), declared.services(), declared.commander(), roles, null, null,
				List.of(), declared.impactStartedAt(), envelope.occurredAt(), null, null);
	}

	/**
	 * This incident after one more of its events; the declaration itself starts one with
	 * {@link #declared}.
	 */
	Incident on(EventEnvelope envelope) {
		IncidentEvent event = envelope.payload();
		if (event instanceof SeverityChanged changed) {
			return on(changed);
		}
		if (event instanceof IncidentAcknowledged) {
			return onAcknowledged(envelope);
		}
		if (event instanceof StatusChanged changed) {
			return on(changed, envelope);
		}
		if (event instanceof MitigationApplied applied) {
			return on(applied, envelope);
		}
		if (event instanceof RoleAssigned assigned) {
			return on(assigned);
		}
		if (event instanceof IncidentResolved) {
			return withStatus(IncidentStatus.RESOLVED, envelope.occurredAt());
		}
		if (event instanceof IncidentReopened) {
			return withStatus(IncidentStatus.INVESTIGATING, null);
		}
		return this;
	}

	private Incident on(SeverityChanged changed) {
		return new Incident(this.id, this.title, changed.to().label(), this.status, this.services, this.commander,
				this.roles, this.acknowledgedBy, this.acknowledgedAt, this.mitigations, this.impactStartedAt,
				this.declaredAt, this.mitigatedAt, this.resolvedAt);
	}

	private Incident onAcknowledged(EventEnvelope envelope) {
		if (this.acknowledgedAt != null) {
			return this;
		}
		return new Incident(this.id, this.title, this.severity, this.status, this.services, this.commander, this.roles,
				envelope.actor(), envelope.occurredAt(), this.mitigations, this.impactStartedAt, this.declaredAt,
				this.mitigatedAt, this.resolvedAt);
	}

	private Incident on(StatusChanged changed, EventEnvelope envelope) {
		Instant mitigated = (changed.to() == IncidentStatus.MONITORING)
				? earliest(this.mitigatedAt, envelope.occurredAt()) : this.mitigatedAt;
		return new Incident(this.id, this.title, this.severity, label(changed.to()), this.services, this.commander,
				this.roles, this.acknowledgedBy, this.acknowledgedAt, this.mitigations, this.impactStartedAt,
				this.declaredAt, mitigated, (changed.to() == IncidentStatus.RESOLVED) ? envelope.occurredAt() : null);
	}

	private Incident on(MitigationApplied applied, EventEnvelope envelope) {
		List<Mitigation> mitigations = new ArrayList<>(this.mitigations);
		mitigations
			.add(new Mitigation(label(applied.kind()), applied.description(), envelope.occurredAt(), envelope.actor()));
		return new Incident(this.id, this.title, this.severity, this.status, this.services, this.commander, this.roles,
				this.acknowledgedBy, this.acknowledgedAt, mitigations, this.impactStartedAt, this.declaredAt,
				earliest(this.mitigatedAt, envelope.occurredAt()), this.resolvedAt);
	}

	private Incident on(RoleAssigned assigned) {
		Map<String, String> roles = new LinkedHashMap<>(this.roles);
		roles.put(label(assigned.role()), assigned.assignee());
		String commander = (assigned.role() == Role.INCIDENT_COMMANDER) ? assigned.assignee() : this.commander;
		return new Incident(this.id, this.title, this.severity, this.status, this.services, commander, roles,
				this.acknowledgedBy, this.acknowledgedAt, this.mitigations, this.impactStartedAt, this.declaredAt,
				this.mitigatedAt, this.resolvedAt);
	}

	private Incident withStatus(IncidentStatus status, Instant resolvedAt) {
		return new Incident(this.id, this.title, this.severity, label(status), this.services, this.commander,
				this.roles, this.acknowledgedBy, this.acknowledgedAt, this.mitigations, this.impactStartedAt,
				this.declaredAt, this.mitigatedAt, resolvedAt);
	}

	boolean isOpen() {
		return !label(IncidentStatus.RESOLVED).equals(this.status);
	}

	private static Instant earliest(Instant current, Instant candidate) {
		return (current == null || candidate.isBefore(current)) ? candidate : current;
	}

	static String label(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	record Mitigation(String kind, String description, Instant occurredAt, String actor) {
	}

}
