package io.incidenttimeline.command.publishing;

import java.util.Objects;
import java.util.UUID;

import io.incidenttimeline.command.incident.EventMetadata;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Reads an event as Axon stored it into the shared {@link EventEnvelope}, the form in
 * which it is published: the Axon event identifier becomes the event id, Axon's 0-based
 * sequence number our 1-based one, and the metadata the incident wrote
 * ({@link EventMetadata}) gives occurredAt, recordedAt, actor, the actor's display name
 * (when it was known), source and the trace context (when the request was traced).
 */
final class StoredEvents {

	private StoredEvents() {
	}

	/**
	 * @throws IllegalArgumentException when the message is not an incident event or lacks
	 * the metadata every incident event carries
	 */
	static EventEnvelope toEnvelope(DomainEventMessage<?> message) {
		if (!(message.getPayload() instanceof IncidentEvent event)) {
			throw new IllegalArgumentException("not an incident event: " + message.getPayloadType().getName());
		}
		MetaData metaData = message.getMetaData();
		return new EventEnvelope(UUID.fromString(message.getIdentifier()), event.incidentId(),
				message.getSequenceNumber() + 1,
				EventMetadata.instant(metaData.get(EventMetadata.OCCURRED_AT), EventMetadata.OCCURRED_AT),
				EventMetadata.instant(metaData.get(EventMetadata.RECORDED_AT), EventMetadata.RECORDED_AT),
				text(metaData.get(EventMetadata.ACTOR), EventMetadata.ACTOR),
				Objects.toString(metaData.get(EventMetadata.ACTOR_NAME), null),
				text(metaData.get(EventMetadata.SOURCE), EventMetadata.SOURCE), event,
				Objects.toString(metaData.get(EventMetadata.TRACEPARENT), null));
	}

	private static String text(Object value, String key) {
		if (value == null) {
			throw new IllegalArgumentException("metadata " + key + " is missing");
		}
		return value.toString();
	}

}
