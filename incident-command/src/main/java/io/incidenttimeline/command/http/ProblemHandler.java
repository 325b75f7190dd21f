package io.incidenttimeline.command.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.command.incident.IncidentConflictException;
import io.incidenttimeline.command.incident.InvalidCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem JSON. Bad input names each bad field in
 * {@code errors[]}, JSON-path style ({@code severity}, {@code services[0]}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final String TYPES = "https://incident-timeline.io/problems/";

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException jackson = jacksonCause(ex);
		if (jackson == null) {
			return badInput(List.of(new FieldProblem("$", "the request body is missing or unreadable")));
		}
		String field = path(jackson.getPath());
		String message;
		if (jackson instanceof InvalidFormatException invalid) {
			message = "has an unacceptable value: " + invalid.getValue();
		}
		else if (jackson instanceof MismatchedInputException) {
			message = "has the wrong type";
		}
		else if (jackson instanceof StreamReadException) {
			message = "the body is not valid JSON";
		}
		else {
			message = "cannot be read: " + jackson.getOriginalMessage();
		}
		return badInput(List.of(new FieldProblem(field, message)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> problems.add(new FieldProblem("$", error.getDefaultMessage())));
		return badInput(problems);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "$";
		return badInput(List.of(new FieldProblem(field, "has an unacceptable value: " + ex.getValue())));
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidRequestException ex) {
		return badInput(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidCommandException ex) {
		List<FieldProblem> problems = (ex.field() != null) ? List.of(new FieldProblem(ex.field(), ex.getMessage()))
				: List.of();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", ex.getMessage());
		problem.setProperty("errors", problems);
		return ResponseEntity.of(problem).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(AggregateNotFoundException ex) {
		return ResponseEntity
			.of(problem(HttpStatus.NOT_FOUND, "unknown-incident", "Unknown incident",
					"no incident " + ex.getAggregateIdentifier()))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(IncidentConflictException ex) {
		return ResponseEntity.of(problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage())).build();
	}

	/**
	 * Another command on the same incident got there first (another instance, or a race
	 * on the unique sequence number): the client may read the incident and retry.
	 */
	@ExceptionHandler({ ConcurrencyException.class, DataIntegrityViolationException.class })
	ResponseEntity<Object> concurrentModification(RuntimeException ex) {
		return ResponseEntity
			.of(problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
					"the incident was changed concurrently; retry"))
			.build();
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(IdempotencyKeyReusedException ex) {
		return ResponseEntity
			.of(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
					ex.getMessage()))
			.build();
	}

	private static ResponseEntity<Object> badInput(List<FieldProblem> problems) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"the request has " + problems.size() + " invalid field(s)");
		problem.setProperty("errors", problems);
		return ResponseEntity.of(problem).build();
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "$" : path.toString();
	}

	record FieldProblem(String field, String message) {

	}

}
