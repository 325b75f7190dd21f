package io.incidenttimeline.events;

/**
 * The reviewed postmortem was published.
 */
public record PostmortemPublished(IncidentId incidentId) implements IncidentEvent {

	public PostmortemPublished {
		Require.present(incidentId, "incidentId");
	}

}
