package io.incidenttimeline.events;

/**
 * Work on the incident's blameless postmortem began.
 */
public record PostmortemStarted(IncidentId incidentId) implements IncidentEvent {

	public PostmortemStarted {
		Require.present(incidentId, "incidentId");
	}

}
