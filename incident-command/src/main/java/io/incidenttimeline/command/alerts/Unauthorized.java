package io.incidenttimeline.command.alerts;

/**
 * The request lacks the sender's credential or carries a wrong one; answered with 401
 * before its body is read.
 */
public class Unauthorized extends RuntimeException {

	private final String challenge;

	/**
	 * @param challenge the {@code WWW-Authenticate} header's value
	 */
	public Unauthorized(String challenge, String message) {
		super(message);
		this.challenge = challenge;
	}

	String challenge() {
		return this.challenge;
	}

}
