package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;

/**
 * One entry of an incident's public update list, identified by the event it came from.
 */
record PublicUpdate(UUID id, UUID incidentId, long sequence, IncidentStatus status, String body, Instant createdAt,
		List<AffectedComponent> affectedComponents) {

	PublicUpdate {
		affectedComponents = List.copyOf(affectedComponents);
	}

	record AffectedComponent(String name, ComponentStatus oldStatus, ComponentStatus newStatus) {
	}

}
