package io.incidenttimeline.command.web;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.modelling.command.ConcurrencyException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every framework error as RFC 9457 problem JSON, for every controller: bad input, and a
 * lost race (Axon's concurrency conflict, a unique key taken meanwhile). Bad input names
 * each bad field in {@code errors[]}, JSON-path style ({@code severity},
 * {@code services[0]}), all of them at once where Spring binds them together (a body, a
 * parameter record).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private final TypedValues typedValues;

	ProblemHandler(TypedValues typedValues) {
		this.typedValues = typedValues;
	}

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
			message = this.typedValues.expectation(invalid.getTargetType(), invalid.getValue());
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
			TypeMismatchException mismatch = error.contains(TypeMismatchException.class)
					? error.unwrap(TypeMismatchException.class) : null;
			problems.add(new FieldProblem(error.getField(),
					(mismatch != null && mismatch.getRequiredType() != null)
							? this.typedValues.expectation(mismatch.getRequiredType(), error.getRejectedValue())
							: error.getDefaultMessage()));
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
		String message = (ex.getRequiredType() != null)
				? this.typedValues.expectation(ex.getRequiredType(), ex.getValue())
				: "has an unacceptable value: " + ex.getValue();
		return badInput(List.of(new FieldProblem(field, message)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badInput(List.of(new FieldProblem(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(InvalidRequestException ex) {
		return badInput(ex.problems());
	}

	/**
	 * Another request on the same incident got there first (another instance, or a race
	 * on the unique sequence number): the client may read the incident and retry.
	 */
	@ExceptionHandler({ ConcurrencyException.class, DataIntegrityViolationException.class })
	ResponseEntity<Object> concurrentModification(RuntimeException ex) {
		return ResponseEntity.of(Problems.concurrentModification()).build();
	}

	private static ResponseEntity<Object> badInput(List<FieldProblem> problems) {
		return ResponseEntity
			.of(Problems.invalidInput("the request has " + problems.size() + " invalid field(s)", problems))
			.build();
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

}
