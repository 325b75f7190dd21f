package io.incidenttimeline.events;

/**
 * The postmortem was reviewed (the reviewer is the envelope's actor); notes optional.
 */
public record PostmortemReviewed(IncidentId incidentId, @MultiLine String notes) implements IncidentEvent {

	public PostmortemReviewed {
		Require.present(incidentId, "incidentId");
		notes = Require.optionalText(notes, "notes", FieldLimits.REASON);
	}

}
