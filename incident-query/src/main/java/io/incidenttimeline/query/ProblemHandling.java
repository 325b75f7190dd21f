package io.incidenttimeline.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for every error; bad input names each offending parameter in
 * {@code errors}.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail on(InvalidParameters ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("https://incidenttimeline.io/problems/invalid-parameters"));
		problem.setTitle("Invalid request parameters");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail on(UnknownResource ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("https://incidenttimeline.io/problems/not-found"));
		problem.setTitle("Not found");
		return problem;
	}

}
