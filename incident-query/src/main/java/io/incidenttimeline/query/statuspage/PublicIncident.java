package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;

/**
 * An incident as the public may see it: its title, severity, public status and the
 * components it names, each once (a legacy declaration may name a service twice).
 * {@code updatedAt} moves with every publicly visible change; {@code lastPublicUpdateAt}
 * only with written public updates, for the cadence.
 */
record PublicIncident(UUID id, String name, Severity severity, IncidentStatus status, List<String> components,
		Instant createdAt, Instant startedAt, Instant monitoringAt, Instant resolvedAt, Instant updatedAt,
		Instant lastPublicUpdateAt) {

	PublicIncident {
		components = components.stream().distinct().toList();
	}

	boolean isOpen() {
		return this.status.isOpen();
	}

	/**
	 * What this incident makes of each of its components right now.
	 */
	ComponentStatus componentStatus() {
		return isOpen() ? ComponentStatus.of(this.severity) : ComponentStatus.OPERATIONAL;
	}

	PublicIncident withSeverity(Severity severity, Instant at) {
		return new PublicIncident(this.id, this.name, severity, this.status, this.components, this.createdAt,
				this.startedAt, this.monitoringAt, this.resolvedAt, at, this.lastPublicUpdateAt);
	}

	PublicIncident withStatus(IncidentStatus status, Instant at) {
		Instant monitoring = switch (status) {
			case MONITORING -> at;
			case INVESTIGATING, IDENTIFIED -> null;
			case RESOLVED -> this.monitoringAt;
		};
		Instant resolved = (status == IncidentStatus.RESOLVED) ? at : null;
		return new PublicIncident(this.id, this.name, this.severity, status, this.components, this.createdAt,
				this.startedAt, monitoring, resolved, at, this.lastPublicUpdateAt);
	}

	PublicIncident withPublicUpdate(Instant at) {
		return new PublicIncident(this.id, this.name, this.severity, this.status, this.components, this.createdAt,
				this.startedAt, this.monitoringAt, this.resolvedAt, at, at);
	}

}
