package io.incidenttimeline.query.web;

/**
 * Something asked for by id that this service does not know: answered as a 404 problem.
 */
public class UnknownResource extends RuntimeException {

	public UnknownResource(String message) {
		super(message);
	}

}
