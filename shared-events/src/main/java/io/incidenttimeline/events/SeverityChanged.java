package io.incidenttimeline.events;

public record SeverityChanged(IncidentId incidentId, Severity from, Severity to,
		@MultiLine String reason) implements IncidentEvent {

	public SeverityChanged {
		Require.present(incidentId, "incidentId");
		Require.present(from, "from");
		Require.present(to, "to");
		reason = Require.optionalText(reason, "reason", FieldLimits.REASON);
	}

}
