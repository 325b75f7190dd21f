package io.incidenttimeline.command.alerts;

import java.util.List;

import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.InvalidRequestException;

/**
 * The payload breaks its format or one of our limits; answered with 400 naming each bad
 * field, in the sender's own terms ({@code alerts[0].labels}, {@code payload.summary}).
 */
public class InvalidAlert extends InvalidRequestException {

	public InvalidAlert(String field, String message) {
		super(field, message);
	}

	public InvalidAlert(List<FieldProblem> errors) {
		super(errors);
	}

}
