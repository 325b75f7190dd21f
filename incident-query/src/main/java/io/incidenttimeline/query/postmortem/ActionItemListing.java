package io.incidenttimeline.query.postmortem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One action item in the cross-incident list: its incident, what it is, who owns it, when
 * it is due, {@code status} open|completed|dropped, and whether it is open past its due
 * date (UTC).
 */
public record ActionItemListing(UUID id, UUID incidentId, String incidentTitle, String title, String owner,
		LocalDate dueDate, String type, String priority, String link, String status, List<String> services,
		boolean overdue) {
}
