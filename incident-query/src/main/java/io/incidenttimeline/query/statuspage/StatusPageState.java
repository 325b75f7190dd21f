package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Visibility;
import io.incidenttimeline.query.consuming.EventHandlers;

/**
 * One incident as the status page folds it: the {@link PublicIncident} row, plus what the
 * events folded since it was loaded did beyond the row, waiting to be written: the public
 * updates to publish and the impact spans to open or close, in order. What becomes
 * public:
 * <ul>
 * <li>the declaration (title, severity, services as components) with a generated
 * "investigating" update;</li>
 * <li>public status updates, with the text as written;</li>
 * <li>status changes, resolution and reopening, each as an update with Statuspage's stock
 * sentence for the new status; the resolution summary and the reopening reason are
 * written for responders and stay internal;</li>
 * <li>severity changes, as the incident's impact and its components' status, without an
 * update (the reason stays internal).</li>
 * </ul>
 * Internal updates, timeline notes, roles, acknowledgements, mitigations and alerts have
 * no handler, so nothing public can show them.
 */
record StatusPageState(PublicIncident incident, List<PublicUpdate> updates, List<SpanChange> spans) {

	static final String DECLARED = "We are investigating this issue.";

	static final String REOPENED = "This incident has been reopened; we are investigating.";

	static final EventHandlers<StatusPageState> EVENTS = EventHandlers.startingWith(StatusPageState::declared)
		.on(SeverityChanged.class, StatusPageState::on)
		.on(StatusChanged.class, StatusPageState::on)
		.on(IncidentResolved.class, StatusPageState::on)
		.on(IncidentReopened.class, StatusPageState::on)
		.on(StatusUpdatePosted.class, StatusPageState::on);

	StatusPageState {
		updates = List.copyOf(updates);
		spans = List.copyOf(spans);
	}

	/**
	 * The incident as stored, with nothing waiting to be written.
	 */
	static StatusPageState of(PublicIncident incident) {
		return new StatusPageState(incident, List.of(), List.of());
	}

	static StatusPageState declared(IncidentDeclared declared, EventEnvelope envelope) {
		PublicIncident incident = new PublicIncident(declared.incidentId().value(), declared.title(),
				declared.severity(), IncidentStatus.INVESTIGATING, declared.services(), envelope.occurredAt(),
				declared.impactStartedAt(), null, null, envelope.occurredAt(), null);
		Instant impactFrom = earliest(declared.impactStartedAt(), envelope.occurredAt());
		return of(incident).opening(incident, envelope.sequence(), impactFrom)
			.publishing(envelope, incident, DECLARED, ComponentStatus.OPERATIONAL);
	}

	StatusPageState on(SeverityChanged changed, EventEnvelope envelope) {
		PublicIncident after = this.incident.withSeverity(changed.to(), envelope.occurredAt());
		StatusPageState next = becoming(after);
		if (!after.isOpen()) {
			return next;
		}
		return next.closing(envelope.occurredAt()).opening(after, envelope.sequence(), envelope.occurredAt());
	}

	StatusPageState on(StatusChanged changed, EventEnvelope envelope) {
		if (changed.to() == IncidentStatus.RESOLVED) {
			return resolved(envelope);
		}
		PublicIncident after = this.incident.withStatus(changed.to(), envelope.occurredAt());
		return becoming(after).publishing(envelope, after, stockSentence(changed.to()),
				this.incident.componentStatus());
	}

	StatusPageState on(IncidentResolved resolved, EventEnvelope envelope) {
		return resolved(envelope);
	}

	StatusPageState on(IncidentReopened reopened, EventEnvelope envelope) {
		if (this.incident.isOpen()) {
			return this;
		}
		PublicIncident after = this.incident.withStatus(IncidentStatus.INVESTIGATING, envelope.occurredAt());
		return becoming(after).opening(after, envelope.sequence(), envelope.occurredAt())
			.publishing(envelope, after, REOPENED, this.incident.componentStatus());
	}

	StatusPageState on(StatusUpdatePosted posted, EventEnvelope envelope) {
		if (posted.visibility() != Visibility.PUBLIC) {
			return this;
		}
		PublicIncident after = this.incident.withPublicUpdate(envelope.occurredAt());
		return becoming(after).publishing(envelope, after, posted.body(), this.incident.componentStatus());
	}

	private StatusPageState resolved(EventEnvelope envelope) {
		if (!this.incident.isOpen()) {
			return this;
		}
		PublicIncident after = this.incident.withStatus(IncidentStatus.RESOLVED, envelope.occurredAt());
		return becoming(after).closing(envelope.occurredAt())
			.publishing(envelope, after, stockSentence(IncidentStatus.RESOLVED), this.incident.componentStatus());
	}

	private StatusPageState becoming(PublicIncident after) {
		return new StatusPageState(after, this.updates, this.spans);
	}

	private StatusPageState publishing(EventEnvelope envelope, PublicIncident after, String body,
			ComponentStatus before) {
		List<PublicUpdate.AffectedComponent> affected = after.components()
			.stream()
			.map((component) -> new PublicUpdate.AffectedComponent(component, before, after.componentStatus()))
			.toList();
		List<PublicUpdate> updates = new ArrayList<>(this.updates);
		updates.add(new PublicUpdate(envelope.eventId(), after.id(), envelope.sequence(), after.status(), body,
				envelope.occurredAt(), affected));
		return new StatusPageState(this.incident, updates, this.spans);
	}

	private StatusPageState opening(PublicIncident holder, long sequence, Instant from) {
		return withSpan(new SpanChange.Opened(holder.components(), holder.severity(), sequence, from));
	}

	private StatusPageState closing(Instant at) {
		return withSpan(new SpanChange.Closed(at));
	}

	private StatusPageState withSpan(SpanChange change) {
		List<SpanChange> spans = new ArrayList<>(this.spans);
		spans.add(change);
		return new StatusPageState(this.incident, this.updates, spans);
	}

	/**
	 * The sentences Statuspage's incident templates start from.
	 */
	static String stockSentence(IncidentStatus status) {
		return switch (status) {
			case INVESTIGATING -> "We are continuing to investigate this issue.";
			case IDENTIFIED -> "The issue has been identified and a fix is being implemented.";
			case MONITORING -> "A fix has been implemented and we are monitoring the results.";
			case RESOLVED -> "This incident has been resolved.";
		};
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * What happens to the incident's hold on its components.
	 */
	sealed interface SpanChange {

		/**
		 * The incident starts holding each of these components at this severity.
		 */
		record Opened(List<String> components, Severity severity, long sequence, Instant from) implements SpanChange {

			public Opened {
				components = List.copyOf(components);
			}

		}

		/**
		 * The incident stops holding its components (never before a span began).
		 */
		record Closed(Instant at) implements SpanChange {
		}

	}

}
