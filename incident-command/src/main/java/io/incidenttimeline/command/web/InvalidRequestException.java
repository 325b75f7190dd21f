package io.incidenttimeline.command.web;

import java.util.List;

/**
 * Request headers or parameters are unacceptable; answered with 400 naming each of them.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidRequestException(List<FieldProblem> problems) {
		super(problems.get(0).field() + " " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
