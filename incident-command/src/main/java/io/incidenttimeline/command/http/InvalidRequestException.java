package io.incidenttimeline.command.http;

/**
 * A request header or parameter is unacceptable; answered with 400 naming it.
 */
class InvalidRequestException extends RuntimeException {

	private final String field;

	InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
