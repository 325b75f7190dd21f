package io.incidenttimeline.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Some fields of an action item changed; a null field is unchanged.
 */
public record ActionItemUpdated(IncidentId incidentId, UUID actionItemId, String title, String owner, LocalDate dueDate,
		ActionItemType type, ActionItemPriority priority, String link) implements IncidentEvent {

	public ActionItemUpdated {
		Require.present(incidentId, "incidentId");
		Require.present(actionItemId, "actionItemId");
		title = Require.optionalText(title, "title", FieldLimits.TITLE);
		owner = Require.optionalText(owner, "owner", FieldLimits.NAME);
		link = Require.optionalText(link, "link", FieldLimits.LINK);
	}

}
