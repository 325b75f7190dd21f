package io.incidenttimeline.command.web;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
 * Every framework error as RFC 9457 problem JSON, for every controller: bad input, a lost
 * race (Axon's concurrency conflict, a unique key taken meanwhile), the database
 * unavailable (503 with {@code Retry-After}), and anything unforeseen (500, logged). Bad
 * input names each bad field in {@code errors[]}, JSON-path style ({@code severity},
 * {@code services[0]}), all of them at once where Spring binds them together (a body, a
 * parameter record). Feature modules answer their own exceptions in advices of higher
 * precedence; what they leave ends here.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	/**
	 * Seconds a client should wait before retrying when the database is unavailable.
	 */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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
		if (jackson instanceof UnrecognizedPropertyException) {
			message = "is not a known field";
		}
		else if (jackson instanceof InvalidFormatException invalid) {
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

	/**
	 * What no advice answered. The database down, unreachable, out of connections or too
	 * slow is 503 with {@code Retry-After}: a retry later may succeed, and alert senders
	 * retry on 5xx. Anything else is unforeseen: 500, logged with its stack trace, and
	 * the client learns no more (never Boot's error page).
	 */
	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (DatabaseUnavailable.isCause(ex)) {
			log.warn("Database unavailable for {}: {}", request.getDescription(false), rootMessage(ex));
			return ResponseEntity.of(Problems.unavailable())
				.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
				.build();
		}
		log.error("Unexpected failure for {}", request.getDescription(false), ex);
		return ResponseEntity.of(Problems.internalError()).build();
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
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
