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

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.query.consuming.EventHandlers;

/**
 * One incident as the incidents projection keeps it, folded from its events.
 * <ul>
 * <li>{@code declaredAt} is when the declaration happened (its occurredAt);
 * {@code impactStartedAt} comes from the declaration unless a correction changed it;
 * {@code impactStartedAtAsDeclared} keeps the declaration's.</li>
 * <li>{@code acknowledgedAt}/{@code acknowledgedBy}: the earliest acknowledgement, by a
 * responder or by the alert's sender (then {@code acknowledgedBy} is the
 * integration).</li>
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
		Instant impactStartedAt, Instant impactStartedAtAsDeclared, Instant declaredAt, Instant mitigatedAt,
		Instant resolvedAt) {

	static final EventHandlers<Incident> EVENTS = EventHandlers.startingWith(Incident::declared)
		.on(SeverityChanged.class, Incident::on)
		.on(IncidentAcknowledged.class, Incident::on)
		.on(StatusChanged.class, Incident::on)
		.on(MitigationApplied.class, Incident::on)
		.on(RoleAssigned.class, Incident::on)
		.on(IncidentResolved.class, Incident::on)
		.on(IncidentReopened.class, Incident::on)
		.on(AlertAcknowledged.class, Incident::on)
		.on(KeyMomentCorrected.class, Incident::on);

	Incident {
		services = List.copyOf(services);
		roles = Collections.unmodifiableMap(new TreeMap<>(roles));
		mitigations = List.copyOf(mitigations);
	}

	static Incident declared(IncidentDeclared declared, EventEnvelope envelope) {
		Map<String, String> roles = new LinkedHashMap<>();
		if (declared.commander() != null) {
			roles.put(label(Role.INCIDENT_COMMANDER), declared.commander());
		}
		return new Incident(declared.incidentId().value(), declared.title(), declared.severity().label(),
				label(IncidentStatus.INVESTIGATING), declared.services(), declared.commander(), roles, null, null,
				List.of(), declared.impactStartedAt(), declared.impactStartedAt(), envelope.occurredAt(), null, null);
	}

	Incident on(SeverityChanged changed, EventEnvelope envelope) {
		return change().severity(changed.to().label()).build();
	}

	Incident on(IncidentAcknowledged acknowledged, EventEnvelope envelope) {
		return firstAcknowledgement(envelope);
	}

	/**
	 * The alert's sender (PagerDuty {@code acknowledge}, CloudEvents
	 * {@code alert.acknowledged}) acknowledged: the integration acknowledged the incident
	 * unless someone did earlier.
	 */
	Incident on(AlertAcknowledged acknowledged, EventEnvelope envelope) {
		return firstAcknowledgement(envelope);
	}

	private Incident firstAcknowledgement(EventEnvelope envelope) {
		if (this.acknowledgedAt != null && !envelope.occurredAt().isBefore(this.acknowledgedAt)) {
			return this;
		}
		return change().acknowledged(envelope.actor(), envelope.occurredAt()).build();
	}

	/**
	 * Only the impact start is shown corrected here (the declaration's stays in
	 * {@code impactStartedAtAsDeclared}); MTTx applies every correction.
	 */
	Incident on(KeyMomentCorrected corrected, EventEnvelope envelope) {
		if (corrected.moment() != KeyMoment.IMPACT_STARTED) {
			return this;
		}
		return change().impactStartedAt(corrected.correctedTo()).build();
	}

	Incident on(StatusChanged changed, EventEnvelope envelope) {
		Instant mitigated = (changed.to() == IncidentStatus.MONITORING)
				? earliest(this.mitigatedAt, envelope.occurredAt()) : this.mitigatedAt;
		Instant resolved = (changed.to() == IncidentStatus.RESOLVED) ? envelope.occurredAt() : null;
		return change().status(label(changed.to()), resolved).mitigatedAt(mitigated).build();
	}

	Incident on(MitigationApplied applied, EventEnvelope envelope) {
		Mitigation mitigation = new Mitigation(label(applied.kind()), applied.description(), envelope.occurredAt(),
				envelope.actor());
		return change().mitigation(mitigation).mitigatedAt(earliest(this.mitigatedAt, envelope.occurredAt())).build();
	}

	Incident on(RoleAssigned assigned, EventEnvelope envelope) {
		return change().role(assigned.role(), assigned.assignee()).build();
	}

	Incident on(IncidentResolved resolved, EventEnvelope envelope) {
		return change().status(label(IncidentStatus.RESOLVED), envelope.occurredAt()).build();
	}

	Incident on(IncidentReopened reopened, EventEnvelope envelope) {
		return change().status(label(IncidentStatus.INVESTIGATING), null).build();
	}

	boolean isOpen() {
		return !label(IncidentStatus.RESOLVED).equals(this.status);
	}

	private Change change() {
		return new Change(this);
	}

	private static Instant earliest(Instant current, Instant candidate) {
		return (current == null || candidate.isBefore(current)) ? candidate : current;
	}

	static String label(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	record Mitigation(String kind, String description, Instant occurredAt, String actor) {
	}

	/**
	 * A copy of an incident with some of its fields changed: each handler says only what
	 * its event changes.
	 */
	private static final class Change {

		private final Incident from;

		private String severity;

		private String status;

		private String commander;

		private final Map<String, String> roles;

		private String acknowledgedBy;

		private Instant acknowledgedAt;

		private final List<Mitigation> mitigations;

		private Instant mitigatedAt;

		private Instant resolvedAt;

		private Instant impactStartedAt;

		Change(Incident from) {
			this.from = from;
			this.severity = from.severity;
			this.status = from.status;
			this.commander = from.commander;
			this.roles = new LinkedHashMap<>(from.roles);
			this.acknowledgedBy = from.acknowledgedBy;
			this.acknowledgedAt = from.acknowledgedAt;
			this.mitigations = new ArrayList<>(from.mitigations);
			this.mitigatedAt = from.mitigatedAt;
			this.resolvedAt = from.resolvedAt;
			this.impactStartedAt = from.impactStartedAt;
		}

		Change impactStartedAt(Instant impactStartedAt) {
			this.impactStartedAt = impactStartedAt;
			return this;
		}

		Change severity(String severity) {
			this.severity = severity;
			return this;
		}

		Change status(String status, Instant resolvedAt) {
			this.status = status;
			this.resolvedAt = resolvedAt;
			return this;
		}

		Change acknowledged(String by, Instant at) {
			this.acknowledgedBy = by;
			this.acknowledgedAt = at;
			return this;
		}

		Change mitigation(Mitigation mitigation) {
			this.mitigations.add(mitigation);
			return this;
		}

		Change mitigatedAt(Instant mitigatedAt) {
			this.mitigatedAt = mitigatedAt;
			return this;
		}

		Change role(Role role, String assignee) {
			this.roles.put(label(role), assignee);
			if (role == Role.INCIDENT_COMMANDER) {
				this.commander = assignee;
			}
			return this;
		}

		Incident build() {
			return new Incident(this.from.id, this.from.title, this.severity, this.status, this.from.services,
					this.commander, this.roles, this.acknowledgedBy, this.acknowledgedAt, this.mitigations,
					this.impactStartedAt, this.from.impactStartedAtAsDeclared, this.from.declaredAt, this.mitigatedAt,
					this.resolvedAt);
		}

	}

}
