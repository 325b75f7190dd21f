package io.incidenttimeline.events;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies one incident: the aggregate id on the command side, the Kafka record key and
 * the CloudEvents subject on the wire.
 */
public record IncidentId(UUID value) {

	public IncidentId {
		Objects.requireNonNull(value, "incident id");
	}

	public static IncidentId random() {
		return new IncidentId(UUID.randomUUID());
	}

	/**
	 * @throws IllegalArgumentException when the text is not a UUID
	 */
	@JsonCreator
	public static IncidentId parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("incident id is missing");
		}
		try {
			return new IncidentId(UUID.fromString(text.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("incident id is not a UUID: " + text);
		}
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
