package io.incidenttimeline.events;

public record RoleAssigned(IncidentId incidentId, Role role, String assignee) implements IncidentEvent {

	public RoleAssigned {
		Require.present(incidentId, "incidentId");
		Require.present(role, "role");
		Require.text(assignee, "assignee", FieldLimits.NAME);
	}

}
