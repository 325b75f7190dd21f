package io.incidenttimeline.command.incident.web;

/**
 * The Idempotency-Key was used before for another request; answered with 422.
 */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(String message) {
		super(message);
	}

}
