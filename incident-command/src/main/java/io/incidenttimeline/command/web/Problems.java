package io.incidenttimeline.command.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every error response as RFC 9457 problem JSON, with a type URI of ours. The kinds of
 * problem more than one module answers are named here once.
 */
public final class Problems {

	private static final String TYPES = "https://incident-timeline.io/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * 400 naming each bad field in {@code errors[]}.
	 */
	public static ProblemDetail invalidInput(String detail, List<FieldProblem> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * The request does not fit the incident's current state.
	 */
	public static ProblemDetail conflict(String detail) {
		return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
	}

	/**
	 * Another request on the same incident got there first: the client may read the
	 * incident and retry.
	 */
	public static ProblemDetail concurrentModification() {
		return of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
				"the incident was changed concurrently; retry");
	}

	public static ProblemDetail unknownIncident(String incidentId) {
		return of(HttpStatus.NOT_FOUND, "unknown-incident", "Unknown incident", "no incident " + incidentId);
	}

}
