package io.incidenttimeline.events;

public record IncidentReopened(IncidentId incidentId, @MultiLine String reason) implements IncidentEvent {

	public IncidentReopened {
		Require.present(incidentId, "incidentId");
		Require.text(reason, "reason", FieldLimits.REASON);
	}

}
