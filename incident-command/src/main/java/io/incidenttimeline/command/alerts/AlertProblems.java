package io.incidenttimeline.command.alerts;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Alert endpoints answer bad input as RFC 9457 problems naming each field, except the
 * PagerDuty endpoint, which answers in PagerDuty's own shape.
 */
@RestControllerAdvice(basePackageClasses = AlertProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertProblems {

	private static final String TYPES = "https://incident-timeline.io/problems/";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(InvalidAlert ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"the alert payload has " + ex.errors().size() + " invalid field(s)");
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(Unauthorized ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<PagerDutyResponse> handle(PagerDutyRejection ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(ex.body());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
