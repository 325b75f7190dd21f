package io.incidenttimeline.query.dashboard;

import java.time.Instant;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Visibility;

/**
 * One incident as the board shows it. {@code lastPublicUpdateAt} is the latest
 * {@code occurredAt} of a public status update (what the cadence is measured from);
 * {@code lastEventAt} the latest {@code occurredAt} of any event.
 */
record BoardIncident(UUID incidentId, String title, Severity severity, IncidentStatus status, String commander,
		Instant declaredAt, Instant lastPublicUpdateAt, Instant lastEventAt, long lastSequence) {

	static BoardIncident declared(EventEnvelope envelope, IncidentDeclared declared) {
		return new BoardIncident(envelope.incidentId().value(), declared.title(), declared.severity(),
				IncidentStatus.INVESTIGATING, declared.commander(), envelope.occurredAt(), null, envelope.occurredAt(),
				envelope.sequence());
	}

	BoardIncident on(EventEnvelope envelope) {
		IncidentEvent event = envelope.payload();
		Severity severity = this.severity;
		IncidentStatus status = this.status;
		String commander = this.commander;
		Instant lastPublicUpdate = this.lastPublicUpdateAt;
		if (event instanceof SeverityChanged changed) {
			severity = changed.to();
		}
		else if (event instanceof StatusChanged changed) {
			status = changed.to();
		}
		else if (event instanceof IncidentResolved) {
			status = IncidentStatus.RESOLVED;
		}
		else if (event instanceof IncidentReopened) {
			status = IncidentStatus.INVESTIGATING;
		}
		else if (event instanceof RoleAssigned assigned && assigned.role() == Role.INCIDENT_COMMANDER) {
			commander = assigned.assignee();
		}
		else if (event instanceof StatusUpdatePosted posted && posted.visibility() == Visibility.PUBLIC) {
			lastPublicUpdate = latest(lastPublicUpdate, envelope.occurredAt());
		}
		return new BoardIncident(this.incidentId, this.title, severity, status, commander, this.declaredAt,
				lastPublicUpdate, latest(this.lastEventAt, envelope.occurredAt()), envelope.sequence());
	}

	private static Instant latest(Instant current, Instant candidate) {
		return (current == null || candidate.isAfter(current)) ? candidate : current;
	}

}
