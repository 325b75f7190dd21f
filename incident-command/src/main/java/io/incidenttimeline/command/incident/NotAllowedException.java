package io.incidenttimeline.command.incident;

/**
 * The sender may send this command, but not with this effect on this incident (a
 * responder lowering the severity). HTTP answers 403; nothing is recorded.
 */
public class NotAllowedException extends RuntimeException {

	public NotAllowedException(String message) {
		super(message);
	}

}
