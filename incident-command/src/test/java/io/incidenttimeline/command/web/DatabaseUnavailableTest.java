package io.incidenttimeline.command.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

	@Test
	void noConnectionFromThePoolIsUnavailability() {
		SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 1000ms.", "08001");

		assertThat(DatabaseUnavailable
			.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", timedOut))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection", timedOut)))
			.isTrue();
	}

	@Test
	void lockAndStatementTimeoutsAreUnavailability() {
		assertThat(DatabaseUnavailable.isCause(new CannotAcquireLockException("lock timeout"))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("statement timeout"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "08006", "08001", "57P01", "57P03", "53300", "57014", "55P03" })
	void driverStatesDeepInsideAxonsWrappingAreFound(String sqlState) {
		EventStoreException axon = new EventStoreException("An event for aggregate [x] could not be appended",
				new IllegalStateException("wrapped", new SQLException("I/O error", sqlState)));

		assertThat(DatabaseUnavailable.isCause(axon)).isTrue();
	}

	@Test
	void chainedSqlExceptionsAreRead() {
		SQLException batch = new SQLException("batch entry 0 failed", "XX000");
		batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));

		assertThat(DatabaseUnavailable.isCause(new RuntimeException(batch))).isTrue();
	}

	/**
	 * The connection broke mid-transaction: the rollback fails too, and Spring reports
	 * the rollback's failure with the original one beside it.
	 */
	@Test
	void failedRollbackAfterABrokenConnectionIsUnavailability() {
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(
				new EventStoreException("append failed", new SQLException("An I/O error occurred", "08006")));

		assertThat(DatabaseUnavailable.isCause(rollbackFailed)).isTrue();
		assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("commit failed"))).isFalse();
	}

	@Test
	void aConnectionThePoolClosedUnderARequestIsUnavailability() {
		SQLException closed = new SQLException("Connection is closed");
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", closed);
		rollback.initApplicationException(new IllegalStateException("Failed to create a SQL statement", closed));

		assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("Connection is closed", "42000")))
			.as("with a state of its own it is the server's answer")
			.isFalse();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailable
			.isCause(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("syntax error", "42601"))))
			.isFalse();
	}

}
