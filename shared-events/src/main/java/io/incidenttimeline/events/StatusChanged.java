package io.incidenttimeline.events;

/**
 * The incident moved along investigating, identified, monitoring. Resolution is its own
 * event, {@link IncidentResolved}.
 */
public record StatusChanged(IncidentId incidentId, IncidentStatus from, IncidentStatus to) implements IncidentEvent {

	public StatusChanged {
		Require.present(incidentId, "incidentId");
		Require.present(from, "from");
		Require.present(to, "to");
	}

}
