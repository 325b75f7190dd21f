package io.incidenttimeline.command.alerts;

/**
 * The request lacks the sender's credential or carries a wrong one; answered with 401
 * before its body is read.
 */
class Unauthorized extends RuntimeException {

	private final String challenge;

	Unauthorized(String challenge, String message) {
		super(message);
		this.challenge = challenge;
	}

	String challenge() {
		return this.challenge;
	}

}
