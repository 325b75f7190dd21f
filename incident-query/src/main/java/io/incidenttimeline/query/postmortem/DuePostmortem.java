package io.incidenttimeline.query.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A postmortem owed under the policy: the incident, when it was resolved, when its
 * published postmortem is due, whether that has passed, and the postmortem's status.
 */
public record DuePostmortem(UUID incidentId, String title, String severity, List<String> services, Instant resolvedAt,
		Instant dueAt, boolean overdue, String status) {
}
