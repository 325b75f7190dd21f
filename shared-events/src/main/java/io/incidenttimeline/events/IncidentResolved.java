package io.incidenttimeline.events;

public record IncidentResolved(IncidentId incidentId, @MultiLine String summary) implements IncidentEvent {

	public IncidentResolved {
		Require.present(incidentId, "incidentId");
		summary = Require.optionalText(summary, "summary", FieldLimits.LONG_TEXT);
	}

}
