package io.incidenttimeline.command.incident;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fields of the command are unacceptable whatever the incident's state (a timestamp in
 * the future, text no view can hold, a status only another command may set). HTTP answers
 * 400 naming each field.
 */
public class InvalidCommandException extends RuntimeException {

	private final List<Violation> violations;

	/**
	 * @param field the offending field, or {@code null} when no single field is to blame
	 */
	public InvalidCommandException(String field, String message) {
		super(message);
		this.violations = (field != null) ? List.of(new Violation(field, message)) : List.of();
	}

	public InvalidCommandException(List<Violation> violations) {
		super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
		this.violations = List.copyOf(violations);
	}

	/**
	 * The first offending field in the request's terms, or {@code null} when no single
	 * field is to blame.
	 */
	public String field() {
		return this.violations.isEmpty() ? null : this.violations.get(0).field();
	}

	/**
	 * Every offending field, in the request's terms, each with its message.
	 */
	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One offending field and what is wrong with it; the message starts with the field's
	 * name.
	 */
	public record Violation(String field, String message) {
	}

}
