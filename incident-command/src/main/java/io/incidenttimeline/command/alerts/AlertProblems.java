package io.incidenttimeline.command.alerts;

import io.incidenttimeline.command.incident.IncidentConflictException;
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
 * endpoint answers its own refusals in PagerDuty's shape, in its own package).
 */
@RestControllerAdvice(basePackageClasses = AlertProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
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
	 * {@link AlertIngestion} retries this; after its last attempt the sender hears what
	 * the incident API would answer (a lost race is answered by the global handler).
	 */
	@ExceptionHandler
	ResponseEntity<Object> handle(IncidentConflictException ex) {
		return ResponseEntity.of(Problems.conflict(ex.getMessage())).build();
	}

}
