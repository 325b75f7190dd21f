package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Visibility;
import io.incidenttimeline.query.consuming.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The public status page read model. What becomes public:
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
 * Internal updates, timeline notes, roles, acknowledgements, mitigations and alerts are
 * never stored here, so nothing public can show them.
 */
@Component
class StatusPageProjection implements Projection {

	private static final Logger log = LoggerFactory.getLogger(StatusPageProjection.class);

	static final String DECLARED = "We are investigating this issue.";

	static final String REOPENED = "This incident has been reopened; we are investigating.";

	private final StatusPageRepository repository;

	StatusPageProjection(StatusPageRepository repository) {
		this.repository = repository;
	}

	@Override
	public String name() {
		return "status-page";
	}

	@Override
	public List<String> tables() {
		return List.of("status_page_incidents", "status_page_updates", "status_page_impacts");
	}

	@Override
	public void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared declared) {
			on(declared, event);
			return;
		}
		Optional<PublicIncident> incident = this.repository.find(event.incidentId().value());
		if (incident.isEmpty()) {
			log.warn("incident {}: {} at sequence {} without a declaration; not on the status page", event.incidentId(),
					event.type().name(), event.sequence());
			return;
		}
		on(incident.get(), event);
	}

	private void on(IncidentDeclared declared, EventEnvelope event) {
		PublicIncident incident = new PublicIncident(declared.incidentId().value(), declared.title(),
				declared.severity(), IncidentStatus.INVESTIGATING, declared.services(), event.occurredAt(),
				declared.impactStartedAt(), null, null, event.occurredAt(), null);
		this.repository.save(incident);
		this.repository.openSpans(incident, event.sequence(), earliest(declared.impactStartedAt(), event.occurredAt()));
		publish(event, incident, DECLARED, ComponentStatus.OPERATIONAL);
	}

	private void on(PublicIncident incident, EventEnvelope event) {
		IncidentEvent payload = event.payload();
		Instant at = event.occurredAt();
		if (payload instanceof SeverityChanged changed) {
			PublicIncident after = incident.withSeverity(changed.to(), at);
			this.repository.save(after);
			if (after.isOpen()) {
				this.repository.closeSpans(incident.id(), at);
				this.repository.openSpans(after, event.sequence(), at);
			}
		}
		else if (payload instanceof StatusChanged changed && changed.to() != IncidentStatus.RESOLVED) {
			PublicIncident after = incident.withStatus(changed.to(), at);
			this.repository.save(after);
			publish(event, after, stockSentence(changed.to()), incident.componentStatus());
		}
		else if (payload instanceof StatusChanged || payload instanceof IncidentResolved) {
			resolve(incident, event);
		}
		else if (payload instanceof IncidentReopened && !incident.isOpen()) {
			PublicIncident after = incident.withStatus(IncidentStatus.INVESTIGATING, at);
			this.repository.save(after);
			this.repository.openSpans(after, event.sequence(), at);
			publish(event, after, REOPENED, incident.componentStatus());
		}
		else if (payload instanceof StatusUpdatePosted update && update.visibility() == Visibility.PUBLIC) {
			PublicIncident after = incident.withPublicUpdate(at);
			this.repository.save(after);
			publish(event, after, update.body(), incident.componentStatus());
		}
	}

	private void resolve(PublicIncident incident, EventEnvelope event) {
		if (!incident.isOpen()) {
			return;
		}
		PublicIncident after = incident.withStatus(IncidentStatus.RESOLVED, event.occurredAt());
		this.repository.save(after);
		this.repository.closeSpans(incident.id(), event.occurredAt());
		publish(event, after, stockSentence(IncidentStatus.RESOLVED), incident.componentStatus());
	}

	private void publish(EventEnvelope event, PublicIncident after, String body, ComponentStatus before) {
		List<PublicUpdate.AffectedComponent> affected = after.components()
			.stream()
			.map((component) -> new PublicUpdate.AffectedComponent(component, before, after.componentStatus()))
			.toList();
		this.repository.add(new PublicUpdate(event.eventId(), after.id(), event.sequence(), after.status(), body,
				event.occurredAt(), affected));
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

}
