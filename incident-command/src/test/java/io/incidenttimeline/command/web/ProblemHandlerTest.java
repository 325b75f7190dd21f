package io.incidenttimeline.command.web;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no feature module answers itself: a database that cannot answer, and anything
 * unforeseen, both as problem JSON.
 */
class ProblemHandlerTest {

	final ProblemHandler handler = new ProblemHandler(new TypedValues(JsonMapper.builder().build()));

	final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/incidents"));

	@Test
	void databaseUnavailableIs503WithRetryAfter() {
		ResponseEntity<Object> response = this.handler.unexpected(new CannotCreateTransactionException(
				"Could not open JDBC Connection", new SQLTransientConnectionException("timed out")), this.request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(((ProblemDetail) response.getBody()).getType().toString()).endsWith("/unavailable");
	}

	@Test
	void anythingUnforeseenIsA500ProblemThatTellsNoSecrets() {
		ResponseEntity<Object> response = this.handler
			.unexpected(new IllegalStateException("password=hunter2 in a bug's message"), this.request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(problem.getType().toString()).endsWith("/internal-error");
		assertThat(problem.getDetail()).doesNotContain("hunter2");
	}

}
