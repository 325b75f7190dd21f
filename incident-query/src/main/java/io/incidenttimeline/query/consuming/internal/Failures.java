package io.incidenttimeline.query.consuming.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import io.incidenttimeline.events.MalformedEventException;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionException;

/**
 * What kind of failure a record met, which decides what becomes of it:
 * <ul>
 * <li><b>malformed</b>: the bytes are no incident event; retrying cannot help, so the
 * record goes to the dead-letter topic at once;</li>
 * <li><b>transient</b>: the database or the broker is unavailable or overloaded, which
 * passes; the record is retried, with a capped backoff, for as long as it lasts. Spring's
 * resource failures and transient data access exceptions, transaction infrastructure
 * failures, Kafka errors (but not the listener's wrappers of whatever the listener
 * threw), JDBC's transient and recoverable exceptions, and the SQLStates below;</li>
 * <li><b>deterministic</b>: anything else, such as a projection bug or a constraint
 * violation; the record is retried a few times, then parked as failed for its
 * incident.</li>
 * </ul>
 */
final class Failures {

	/**
	 * SQLState classes (two characters) and codes of conditions outside the data that
	 * pass or that an operator fixes: connection exception, invalid authorization,
	 * invalid catalog name, transaction rollback (serialization failure, deadlock),
	 * insufficient resources (disk full, too many connections), operator intervention
	 * (admin shutdown, cannot connect now), system error; read-only transaction (a
	 * standby after failover), lock not available, insufficient privilege.
	 */
	private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "28", "3D", "40", "53", "57", "58", "25006",
			"55P03", "42501");

	/** How deep a cause chain is followed, should it loop. */
	private static final int DEPTH = 32;

	private Failures() {
	}

	static boolean isMalformed(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < DEPTH; cause = next(cause)) {
			if (cause instanceof MalformedEventException) {
				return true;
			}
		}
		return false;
	}

	static boolean isTransient(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < DEPTH; cause = next(cause)) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
					|| (cause instanceof KafkaException && !(cause instanceof ListenerExecutionFailedException)
							&& !(cause instanceof BatchListenerFailedException))
					|| cause instanceof RetriableException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && isTransient(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The failure without the {@link BatchListenerFailedException} by which the listener
	 * named the failing record of a poll: what the listener of a single record would have
	 * thrown, so that a dead letter's exception headers say what went wrong.
	 */
	static Exception withoutBatchWrapper(Exception failure) {
		if (failure instanceof ListenerExecutionFailedException listener
				&& listener.getCause() instanceof BatchListenerFailedException batch
				&& batch.getCause() instanceof Exception cause) {
			return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), cause);
		}
		if (failure instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause) {
			return cause;
		}
		return failure;
	}

	/**
	 * The innermost cause, as its class and message.
	 */
	static String reason(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return cause.getClass().getName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static boolean isTransient(String sqlState) {
		return sqlState != null && sqlState.length() >= 2
				&& (TRANSIENT_SQL_STATES.contains(sqlState) || TRANSIENT_SQL_STATES.contains(sqlState.substring(0, 2)));
	}

	private static Throwable next(Throwable cause) {
		if (cause instanceof SQLException sql && sql.getNextException() != null && cause.getCause() == null) {
			return sql.getNextException();
		}
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

}
