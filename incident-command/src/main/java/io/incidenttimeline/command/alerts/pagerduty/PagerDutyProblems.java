package io.incidenttimeline.command.alerts.pagerduty;

import java.util.List;

import io.incidenttimeline.command.incident.InvalidCommandException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Events API answers its refusals in PagerDuty's own shape.
 */
@RestControllerAdvice(basePackageClasses = PagerDutyProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagerDutyProblems {

	@ExceptionHandler
	ResponseEntity<PagerDutyResponse> handle(PagerDutyRejection ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(ex.body());
	}

	/**
	 * What the event passed here and the incident refused, in PagerDuty's shape.
	 */
	@ExceptionHandler
	ResponseEntity<PagerDutyResponse> handle(InvalidCommandException ex) {
		List<String> errors = ex.violations().stream().map(InvalidCommandException.Violation::message).toList();
		return handle(PagerDutyRejection.invalid(errors.isEmpty() ? List.of(ex.getMessage()) : errors));
	}

}
