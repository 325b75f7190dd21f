package io.incidenttimeline.query.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for every error. Bad input is one 400 problem naming every offending
 * parameter in {@code errors} ({@code field}, {@code message}), in the order the
 * parameter record declares them, each told with {@link ParameterMessages}' wording.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final URI INVALID_PARAMETERS = URI.create("https://incidenttimeline.io/problems/invalid-parameters");

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
