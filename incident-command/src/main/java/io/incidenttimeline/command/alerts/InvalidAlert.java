package io.incidenttimeline.command.alerts;

import java.util.List;

import io.incidenttimeline.command.web.FieldProblem;

/**
 * The payload breaks its format or one of our limits; answered with 400 naming each bad
 * field, in the sender's own terms ({@code alerts[0].labels}, {@code payload.summary}).
 */
public class InvalidAlert extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidAlert(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidAlert(List<FieldProblem> errors) {
		super(errors.get(0).field() + " " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
