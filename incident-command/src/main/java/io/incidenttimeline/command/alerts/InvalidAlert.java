package io.incidenttimeline.command.alerts;

import java.util.List;

/**
 * The payload breaks its format or one of our limits; answered with 400 naming each bad
 * field, in the sender's own terms ({@code alerts[0].labels}, {@code payload.summary}).
 */
class InvalidAlert extends RuntimeException {

	private final List<FieldError> errors;

	InvalidAlert(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	InvalidAlert(List<FieldError> errors) {
		super(errors.get(0).field() + " " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

	record FieldError(String field, String message) {
	}

}
