package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a free-text note to the incident's timeline.
 */
public record AddTimelineNote(@TargetAggregateIdentifier IncidentId incidentId, String note, String actor,
		String actorName, String source, Instant occurredAt) {

	public AddTimelineNote {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
