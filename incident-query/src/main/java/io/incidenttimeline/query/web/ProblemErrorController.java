package io.incidenttimeline.query.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, for what fails outside a controller (a filter, the
 * rendering of a page) or is refused before one (security): the same RFC 9457 problem as
 * {@link ProblemHandling} gives, in place of Spring Boot's whitelabel page and its error
 * JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status.is5xxServerError()) {
			log.error("{} failed with {}", path, status.value(),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		ProblemDetail problem = (status == HttpStatus.INTERNAL_SERVER_ERROR) ? ProblemHandling.internalError()
				: ProblemDetail.forStatus(status);
		// a refusal says why (a filter's sendError message: an expired token, a missing
		// CSRF
		// token); a server error's message could name internals and is never shown
		if (status.is4xxClientError() && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
				&& !message.isBlank()) {
			problem.setDetail(message);
		}
		if (path instanceof String uri && !uri.isEmpty()) {
			try {
				problem.setInstance(URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// not a URI reference: the problem goes without its instance
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(Object code) {
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
