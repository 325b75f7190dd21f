package io.incidenttimeline.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up action with an owner and a due date: assignable, schedulable, verifiable.
 * {@code link} optionally points at the tracker issue.
 */
public record ActionItemAdded(IncidentId incidentId, UUID actionItemId, String title, String owner, LocalDate dueDate,
		ActionItemType type, ActionItemPriority priority, String link) implements IncidentEvent {

	public ActionItemAdded {
		Require.present(incidentId, "incidentId");
		Require.present(actionItemId, "actionItemId");
		Require.text(title, "title", FieldLimits.TITLE);
		Require.text(owner, "owner", FieldLimits.NAME);
		Require.present(dueDate, "dueDate");
		Require.present(type, "type");
		Require.present(priority, "priority");
		link = Require.optionalText(link, "link", FieldLimits.LINK);
	}

}
