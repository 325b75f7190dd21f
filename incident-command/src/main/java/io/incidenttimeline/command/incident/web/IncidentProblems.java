package io.incidenttimeline.command.incident.web;

import java.util.List;

import io.incidenttimeline.command.incident.IncidentConflictException;
import io.incidenttimeline.command.incident.InvalidCommandException;
import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the incident's rules answer, as problems of the responders' API. Scoped to this
 * package: the alert webhooks answer the incident's exceptions in their own advice, the
 * audit trail answers its own 404, and a lost race is answered alike everywhere by the
 * global handler.
 */
@RestControllerAdvice(basePackageClasses = IncidentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentProblems {

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidCommandException ex) {
		List<FieldProblem> problems = (ex.field() != null) ? List.of(new FieldProblem(ex.field(), ex.getMessage()))
				: List.of();
		return ResponseEntity.of(Problems.invalidInput(ex.getMessage(), problems)).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(AggregateNotFoundException ex) {
		return ResponseEntity.of(Problems.unknownIncident(String.valueOf(ex.getAggregateIdentifier()))).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(IncidentConflictException ex) {
		return ResponseEntity.of(Problems.conflict(ex.getMessage())).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(IdempotencyKeyReusedException ex) {
		return ResponseEntity
			.of(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					ex.getMessage()))
			.build();
	}

}
