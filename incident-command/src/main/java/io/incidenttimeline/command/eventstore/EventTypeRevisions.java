package io.incidenttimeline.command.eventstore;

import io.incidenttimeline.events.EventTypes;
import io.incidenttimeline.events.IncidentEvent;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each incident event with its schema version from {@link EventTypes} as Axon's
 * payload revision, so that upcasters can tell the versions apart. Events stored before
 * this existed have no revision.
 */
class EventTypeRevisions implements RevisionResolver {

	@Override
	public String revisionOf(Class<?> payloadType) {
		if (IncidentEvent.class.isAssignableFrom(payloadType)) {
			return String.valueOf(EventTypes.of(payloadType).version());
		}
		return null;
	}

}
