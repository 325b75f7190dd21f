package io.incidenttimeline.events;

public record TimelineNoteAdded(IncidentId incidentId, @MultiLine String note) implements IncidentEvent {

	public TimelineNoteAdded {
		Require.present(incidentId, "incidentId");
		Require.text(note, "note", FieldLimits.LONG_TEXT);
	}

}
