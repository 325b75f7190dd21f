package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;

/**
 * What adding an action item returns: a {@link CommandResult} with the id of the new
 * item.
 */
public record ActionItemResult(IncidentId incidentId, UUID actionItemId, long sequence, Instant recordedAt) {

}
