package io.incidenttimeline.query;

import java.util.List;

/**
 * One or more request parameters with the reason each is wrong: answered as a 400 problem
 * naming them.
 */
public class InvalidParameters extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidParameters(List<FieldError> errors) {
		super("invalid parameter(s): " + String.join(", ", errors.stream().map(FieldError::field).toList()));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public record FieldError(String field, String message) {
	}

}
