package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Reads an event as Axon stored it into the shared {@link EventEnvelope}: the Axon event
 * identifier becomes the event id, Axon's 0-based sequence number our 1-based one, and
 * the metadata the aggregate wrote gives occurredAt, recordedAt, actor and source.
 */
public final class StoredEvents {

	static final String ACTOR = "actor";

	static final String SOURCE = "source";

	static final String OCCURRED_AT = "occurredAt";

	static final String RECORDED_AT = "recordedAt";

	private StoredEvents() {
	}

	/**
	 * @throws IllegalArgumentException when the message is not an incident event or lacks
	 * the metadata every incident event carries
	 */
	public static EventEnvelope toEnvelope(DomainEventMessage<?> message) {
		if (!(message.getPayload() instanceof IncidentEvent event)) {
			throw new IllegalArgumentException("not an incident event: " + message.getPayloadType().getName());
		}
		MetaData metaData = message.getMetaData();
		return new EventEnvelope(UUID.fromString(message.getIdentifier()), event.incidentId(),
				message.getSequenceNumber() + 1, instant(metaData.get(OCCURRED_AT), OCCURRED_AT),
				instant(metaData.get(RECORDED_AT), RECORDED_AT), text(metaData.get(ACTOR), ACTOR),
				text(metaData.get(SOURCE), SOURCE), event);
	}

	/**
	 * Metadata comes back from the store as whatever JSON made of it: a timestamp written
	 * as text is read as text.
	 */
	static Instant instant(Object value, String key) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof CharSequence text) {
			return Timestamps.parse(text.toString());
		}
		throw new IllegalArgumentException("metadata " + key + " is missing or not a timestamp: " + value);
	}

	private static String text(Object value, String key) {
		if (value == null) {
			throw new IllegalArgumentException("metadata " + key + " is missing");
		}
		return value.toString();
	}

}
