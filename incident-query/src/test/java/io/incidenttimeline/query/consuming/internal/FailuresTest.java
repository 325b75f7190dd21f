package io.incidenttimeline.query.consuming.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.incidenttimeline.events.MalformedEventException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

	@Test
	void anUnavailableDatabaseIsTransientWhereverItShowsInTheCauses() {
		assertThat(Failures.isTransient(listener(new CannotCreateTransactionException("no connection",
				new SQLTransientConnectionException("pool exhausted")))))
			.isTrue();
		assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("refused",
				new SQLException("Connection refused", "08001", new ConnectException()))))
			.isTrue();
		assertThat(Failures.isTransient(listener(new UncategorizedSQLException("insert", "INSERT",
				new SQLException("terminating connection due to administrator command", "57P01")))))
			.isTrue();
		assertThat(Failures.isTransient(new UncategorizedSQLException("insert", "INSERT",
				new SQLException("cannot execute INSERT in a read-only transaction", "25006"))))
			.isTrue();
		assertThat(Failures.isTransient(listener(new CannotAcquireLockException("lock timeout")))).isTrue();
	}

	@Test
	void aBugOrBadDataIsDeterministicEvenInsideTheListenersKafkaException() {
		assertThat(Failures.isTransient(listener(new IllegalStateException("projection bug")))).isFalse();
		assertThat(Failures.isTransient(listener(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))))
			.isFalse();
		assertThat(Failures.isTransient(
				new BadSqlGrammarException("select", "SELECT nonsense", new SQLException("syntax error", "42601"))))
			.isFalse();
		assertThat(Failures.isTransient(listener(new NullPointerException()))).isFalse();
	}

	@Test
	void malformedRecordsAreRecognisedThroughTheWrapperAndTheReasonIsTheInnermostCause() {
		ListenerExecutionFailedException failure = listener(
				new MalformedEventException("not a CloudEvents JSON event", new IllegalArgumentException("bad")));

		assertThat(Failures.isMalformed(failure)).isTrue();
		assertThat(Failures.isMalformed(listener(new IllegalStateException()))).isFalse();
		assertThat(Failures.reason(listener(new IllegalStateException("projection failed on purpose"))))
			.isEqualTo("java.lang.IllegalStateException: projection failed on purpose");
	}

	private static ListenerExecutionFailedException listener(Exception cause) {
		return new ListenerExecutionFailedException("Listener method threw", cause);
	}

}
