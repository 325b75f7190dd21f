package io.incidenttimeline.command.alerts;

import java.util.List;

import io.incidenttimeline.command.incident.IncidentConflictException;
import io.incidenttimeline.command.incident.InvalidCommandException;
import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Alert endpoints answer bad input as RFC 9457 problems naming each field (the PagerDuty
 * endpoint answers its own refusals in PagerDuty's shape, in its own package, whose
 * advice comes first). A database that cannot answer is the global handler's 503.
 */
@RestControllerAdvice(basePackageClasses = AlertProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AlertProblems {

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidAlert ex) {
		return ResponseEntity
			.of(Problems.invalidInput("the alert payload has " + ex.problems().size() + " invalid field(s)",
					ex.problems()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(Unauthorized ex) {
		return ResponseEntity.of(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage()))
			.header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
			.build();
	}

	/**
	 * What the adapters let through and the incident refused: named in the command's
	 * terms ({@code alert.summary}), never a 5xx the sender would retry forever.
	 */
	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidCommandException ex) {
		List<FieldProblem> problems = ex.violations()
			.stream()
			.map((violation) -> new FieldProblem(violation.field(), violation.message()))
			.toList();
		return ResponseEntity.of(Problems.invalidInput(ex.getMessage(),
				problems.isEmpty() ? List.of(new FieldProblem("$", ex.getMessage())) : problems))
			.build();
	}

	/**
	 * {@link AlertIngestion} retries this; after its last attempt the sender hears what
	 * the incident API would answer (a lost race is answered by the global handler).
	 */
	@ExceptionHandler
	ResponseEntity<Object> handle(IncidentConflictException ex) {
		return ResponseEntity.of(Problems.conflict(ex.getMessage())).build();
	}

}
