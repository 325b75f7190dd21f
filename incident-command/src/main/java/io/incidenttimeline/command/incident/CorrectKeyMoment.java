package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.Objects;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.KeyMoment;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects a key moment that was stated wrongly (typically found during the review): from
 * now on it is {@code correctedTo}, for the reason given. The original event stays as it
 * was.
 */
public record CorrectKeyMoment(@TargetAggregateIdentifier IncidentId incidentId, KeyMoment moment, Instant correctedTo,
		String reason, String actor, String actorName, String source) {

	public CorrectKeyMoment {
		Objects.requireNonNull(incidentId, "incidentId is missing");
		Commands.requireOrigin(actor, source);
	}

}
