package io.incidenttimeline.command.incident;

/**
 * The command does not fit the incident's current state (its lifecycle, or a value it
 * already has). HTTP answers 409.
 */
public class IncidentConflictException extends RuntimeException {

	public IncidentConflictException(String message) {
		super(message);
	}

}
