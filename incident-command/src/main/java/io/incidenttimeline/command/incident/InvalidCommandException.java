package io.incidenttimeline.command.incident;

/**
 * A field of the command is unacceptable whatever the incident's state (a timestamp in
 * the future, a status only another command may set). HTTP answers 400 naming the field.
 */
public class InvalidCommandException extends RuntimeException {

	private final String field;

	public InvalidCommandException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The offending field in the request's terms, or {@code null} when no single field is
	 * to blame.
	 */
	public String field() {
		return this.field;
	}

}
