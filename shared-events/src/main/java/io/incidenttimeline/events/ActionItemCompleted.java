package io.incidenttimeline.events;

import java.util.UUID;

/**
 * An action item is done; the note (optional) says how it can be verified.
 */
public record ActionItemCompleted(IncidentId incidentId, UUID actionItemId,
		@MultiLine String note) implements IncidentEvent {

	public ActionItemCompleted {
		Require.present(incidentId, "incidentId");
		Require.present(actionItemId, "actionItemId");
		note = Require.optionalText(note, "note", FieldLimits.REASON);
	}

}
