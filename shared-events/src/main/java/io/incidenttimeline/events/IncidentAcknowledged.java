package io.incidenttimeline.events;

/**
 * The first acknowledgement of an incident: a responder took it on. Who did is the
 * envelope's actor.
 */
public record IncidentAcknowledged(IncidentId incidentId) implements IncidentEvent {

	public IncidentAcknowledged {
		Require.present(incidentId, "incidentId");
	}

}
