package io.incidenttimeline.command.incident;

import java.time.Instant;

import io.incidenttimeline.events.IncidentId;

/**
 * What every command returns: the incident, the sequence number of the event that
 * recorded it (1 for the declaration) and when the server recorded it.
 */
public record CommandResult(IncidentId incidentId, long sequence, Instant recordedAt) {

}
