package io.incidenttimeline.query.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for every error. Bad input is one 400 problem naming every offending
 * parameter in {@code errors} ({@code field}, {@code message}), in the order the
 * parameter record declares them, each told with {@link ParameterMessages}' wording. The
 * database being unavailable is a 503 with {@code Retry-After}; anything unexpected is
 * logged with its stack trace and answered as a 500 problem that names no internals.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private static final URI INVALID_PARAMETERS = URI.create("https://incidenttimeline.io/problems/invalid-parameters");

	private static final URI UNAVAILABLE = URI.create("https://incidenttimeline.io/problems/unavailable");

	private static final URI INTERNAL = URI.create("https://incidenttimeline.io/problems/internal-error");

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> order = declaredOrder(ex.getParameter().getParameterType());
		List<ParameterError> errors = ex.getFieldErrors()
			.stream()
			.map(ProblemHandling::error)
			.sorted(Comparator.comparingInt((ParameterError error) -> position(order, error.field())))
			.toList();
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ParameterError error = new ParameterError(ex.getPropertyName(), ParameterMessages.notA(ex.getRequiredType()));
		return handleExceptionInternal(ex, invalid(List.of(error)), headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ProblemDetail on(UnknownResource ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("https://incidenttimeline.io/problems/not-found"));
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> unavailable(Exception ex, WebRequest request) {
		log.warn("{} answered 503: {}", request.getDescription(false), ex.toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is unavailable; try again shortly.");
		problem.setType(UNAVAILABLE);
		problem.setTitle("Service unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * A transaction that could not end because its connection broke (the database went
	 * down under a read: the rollback fails with the pool's "Connection is closed", and
	 * the failure that made it roll back is only kept beside it) is the database being
	 * unavailable; this service's transactions only read, so nothing is left half done.
	 */
	@ExceptionHandler
	ResponseEntity<Object> on(TransactionSystemException ex, WebRequest request) {
		if (ex.getCause() instanceof SQLException
				|| ex.getApplicationException() instanceof TransientDataAccessException
				|| ex.getApplicationException() instanceof DataAccessResourceFailureException) {
			return unavailable(ex, request);
		}
		return unexpected(ex, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("{} failed", request.getDescription(false), ex);
		return handleExceptionInternal(ex, internalError(), new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR,
				request);
	}

	static ProblemDetail internalError() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; it has been logged.");
		problem.setType(INTERNAL);
		problem.setTitle("Internal server error");
		return problem;
	}

	private static ProblemDetail invalid(List<ParameterError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid parameter(s): "
				+ errors.stream().map(ParameterError::field).distinct().collect(Collectors.joining(", ")));
		problem.setType(INVALID_PARAMETERS);
		problem.setTitle("Invalid request parameters");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ParameterError error(FieldError error) {
		if (error.contains(TypeMismatchException.class)) {
			return new ParameterError(error.getField(),
					ParameterMessages.notA(error.unwrap(TypeMismatchException.class).getRequiredType()));
		}
		return new ParameterError(error.getField(), error.getDefaultMessage());
	}

	private static List<String> declaredOrder(Class<?> parameterType) {
		return parameterType.isRecord()
				? Arrays.stream(parameterType.getRecordComponents()).map((component) -> component.getName()).toList()
				: List.of();
	}

	private static int position(List<String> order, String field) {
		int position = order.indexOf(field);
		return (position >= 0) ? position : order.size();
	}

	/**
	 * One bad parameter and what is wrong with it.
	 */
	record ParameterError(String field, String message) {
	}

}
