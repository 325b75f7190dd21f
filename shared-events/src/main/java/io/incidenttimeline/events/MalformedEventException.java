package io.incidenttimeline.events;

/**
 * A record on the wire that cannot be read as an incident event: not a CloudEvent,
 * missing attributes, or a payload that breaks its record's rules.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
