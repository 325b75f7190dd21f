package io.incidenttimeline.events;

/**
 * A section of the postmortem was written or revised: each event is a revision, the last
 * one is the current text.
 */
public record PostmortemSectionWritten(IncidentId incidentId, PostmortemSection section,
		@MultiLine String text) implements IncidentEvent {

	public PostmortemSectionWritten {
		Require.present(incidentId, "incidentId");
		Require.present(section, "section");
		Require.text(text, "text", FieldLimits.SECTION);
	}

}
