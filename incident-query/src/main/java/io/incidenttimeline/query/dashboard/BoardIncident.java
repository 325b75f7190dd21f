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
import io.incidenttimeline.query.consuming.EventHandlers;

/**
 * One incident as the board shows it. {@code lastPublicUpdateAt} is the latest
 * {@code occurredAt} of a public status update (what the cadence is measured from);
 * {@code lastEventAt} the latest {@code occurredAt} of any event.
 */
record BoardIncident(UUID incidentId, String title, Severity severity, IncidentStatus status, String commander,
		Instant declaredAt, Instant lastPublicUpdateAt, Instant lastEventAt, long lastSequence) {

	static final EventHandlers<BoardIncident> EVENTS = EventHandlers.startingWith(BoardIncident::declared)
		.on(SeverityChanged.class, BoardIncident::on)
		.on(StatusChanged.class, BoardIncident::on)
		.on(IncidentResolved.class, BoardIncident::on)
		.on(IncidentReopened.class, BoardIncident::on)
		.on(RoleAssigned.class, BoardIncident::on)
		.on(StatusUpdatePosted.class, BoardIncident::on)
		.onEveryEvent(BoardIncident::seen);

	static BoardIncident declared(IncidentDeclared declared, EventEnvelope envelope) {
		return new BoardIncident(envelope.incidentId().value(), declared.title(), declared.severity(),
				IncidentStatus.INVESTIGATING, declared.commander(), envelope.occurredAt(), null, envelope.occurredAt(),
				envelope.sequence());
	}

	BoardIncident on(SeverityChanged changed, EventEnvelope envelope) {
		return new BoardIncident(this.incidentId, this.title, changed.to(), this.status, this.commander,
				this.declaredAt, this.lastPublicUpdateAt, this.lastEventAt, this.lastSequence);
	}

	BoardIncident on(StatusChanged changed, EventEnvelope envelope) {
		return withStatus(changed.to());
	}

	BoardIncident on(IncidentResolved resolved, EventEnvelope envelope) {
		return withStatus(IncidentStatus.RESOLVED);
	}

	BoardIncident on(IncidentReopened reopened, EventEnvelope envelope) {
		return withStatus(IncidentStatus.INVESTIGATING);
	}

	BoardIncident on(RoleAssigned assigned, EventEnvelope envelope) {
		if (assigned.role() != Role.INCIDENT_COMMANDER) {
			return this;
		}
		return new BoardIncident(this.incidentId, this.title, this.severity, this.status, assigned.assignee(),
				this.declaredAt, this.lastPublicUpdateAt, this.lastEventAt, this.lastSequence);
	}

	BoardIncident on(StatusUpdatePosted posted, EventEnvelope envelope) {
		if (posted.visibility() != Visibility.PUBLIC) {
			return this;
		}
		return new BoardIncident(this.incidentId, this.title, this.severity, this.status, this.commander,
				this.declaredAt, latest(this.lastPublicUpdateAt, envelope.occurredAt()), this.lastEventAt,
				this.lastSequence);
	}

	/**
	 * Every event, whatever else it changed, is the latest one seen.
	 */
	BoardIncident seen(IncidentEvent event, EventEnvelope envelope) {
		return new BoardIncident(this.incidentId, this.title, this.severity, this.status, this.commander,
				this.declaredAt, this.lastPublicUpdateAt, latest(this.lastEventAt, envelope.occurredAt()),
				envelope.sequence());
	}

	private BoardIncident withStatus(IncidentStatus status) {
		return new BoardIncident(this.incidentId, this.title, this.severity, status, this.commander, this.declaredAt,
				this.lastPublicUpdateAt, this.lastEventAt, this.lastSequence);
	}

	private static Instant latest(Instant current, Instant candidate) {
		return (current == null || candidate.isAfter(current)) ? candidate : current;
	}

}
