package io.incidenttimeline.command.alerts.pagerduty;

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

}
