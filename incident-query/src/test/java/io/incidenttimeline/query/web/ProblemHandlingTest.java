package io.incidenttimeline.query.web;

import java.sql.SQLException;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Whatever fails, the answer is a problem: an unexpected exception a 500 that names no
 * internals, an unavailable database a 503, an error outside any controller the same.
 */
class ProblemHandlingTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ProblemHandling())
		.build();

	@Test
	void anUnexpectedExceptionIsA500ProblemWithoutItsMessage() throws Exception {
		this.mvc.perform(get("/bug"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(500))
			.andExpect(jsonPath("$.title").value("Internal server error"))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side; it has been logged."));
	}

	@Test
	void anUnavailableDatabaseIsA503ProblemToRetry() throws Exception {
		this.mvc.perform(get("/database-down"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Retry-After", "5"));
	}

	@Test
	void aReadWhoseConnectionBrokeIsA503ProblemToRetry() throws Exception {
		this.mvc.perform(get("/rollback-failed"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"));
		this.mvc.perform(get("/transaction-misused")).andExpect(status().isInternalServerError());
	}

	@Test
	void anErrorOutsideAnyControllerIsAProblemToo() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/status");
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("template broke"));

		ResponseEntity<ProblemDetail> answer = new ProblemErrorController().error(request);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody().getTitle()).isEqualTo("Internal server error");
		assertThat(answer.getBody().getInstance()).hasToString("/status");
	}

	@RestController
	static class Failing {

		@GetMapping("/bug")
		String bug() {
			throw new IllegalStateException("secret internals");
		}

		@GetMapping("/rollback-failed")
		String rollbackFailed() {
			throw new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		}

		@GetMapping("/transaction-misused")
		String transactionMisused() {
			throw new TransactionSystemException("no transaction in progress");
		}

		@GetMapping("/database-down")
		String databaseDown() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

	}

}
