package io.incidenttimeline.query.statuspage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A component as shown: the status the worst open incident naming it gives it.
 */
record ComponentView(String name, ComponentStatus status, int position, Instant createdAt, Instant updatedAt) {

	/**
	 * Stable across rebuilds and restarts, since components exist only as names.
	 */
	String id() {
		return idOf(this.name);
	}

	static String idOf(String name) {
		return UUID.nameUUIDFromBytes(("component:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
