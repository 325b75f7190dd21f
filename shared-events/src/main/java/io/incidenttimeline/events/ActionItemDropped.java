package io.incidenttimeline.events;

import java.util.UUID;

/**
 * An action item will not be done, and why.
 */
public record ActionItemDropped(IncidentId incidentId, UUID actionItemId,
		@MultiLine String reason) implements IncidentEvent {

	public ActionItemDropped {
		Require.present(incidentId, "incidentId");
		Require.present(actionItemId, "actionItemId");
		Require.text(reason, "reason", FieldLimits.REASON);
	}

}
