package io.incidenttimeline.events;

public record MitigationApplied(IncidentId incidentId, MitigationKind kind,
		@MultiLine String description) implements IncidentEvent {

	public MitigationApplied {
		Require.present(incidentId, "incidentId");
		Require.present(kind, "kind");
		Require.text(description, "description", FieldLimits.REASON);
	}

}
