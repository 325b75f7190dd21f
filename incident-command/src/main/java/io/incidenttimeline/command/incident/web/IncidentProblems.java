package io.incidenttimeline.command.incident.web;

import java.util.List;

import io.incidenttimeline.command.incident.IncidentConflictException;
import io.incidenttimeline.command.incident.InvalidCommandException;
import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the incident's rules and the event store answer, as problems of the responders'
 * API. Scoped to this package: the alert webhooks answer the same exceptions in their own
 * advice, and the audit trail answers its own 404.
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

	/**
	 * Another command on the same incident got there first (another instance, or a race
	 * on the unique sequence number): the client may read the incident and retry.
	 */
	@ExceptionHandler({ ConcurrencyException.class, DataIntegrityViolationException.class })
	ResponseEntity<Object> concurrentModification(RuntimeException ex) {
		return ResponseEntity.of(Problems.concurrentModification()).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(IdempotencyKeyReusedException ex) {
		return ResponseEntity
			.of(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					ex.getMessage()))
			.build();
	}

}
