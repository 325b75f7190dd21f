package io.incidenttimeline.command.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot answer now (down, unreachable, out of
 * connections, too slow, a lock not granted in time), so that a retry later may succeed:
 * the client hears 503 with {@code Retry-After} instead of a 500. Spring, Hikari and Axon
 * wrap the driver's exception in their own, so the whole cause chain is read.
 */
final class DatabaseUnavailable {

	/**
	 * Deep enough for every wrapping seen (Axon around Spring around Hikari around
	 * pgjdbc), and a guard against cause cycles.
	 */
	private static final int MAX_DEPTH = 32;

	private DatabaseUnavailable() {
	}

	static boolean isCause(Throwable failure) {
		return isCause(failure, 0);
	}

	private static boolean isCause(Throwable failure, int startDepth) {
		Throwable cause = failure;
		for (int depth = startDepth; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
			// A rollback that failed on the broken connection reports that failure; the
			// one that made the transaction roll back is kept beside it, not as its
			// cause.
			if (cause instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& isCause(failed.getApplicationException(), depth + 1)) {
				return true;
			}
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof PessimisticLockingFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (unavailable(next.getSQLState()) || closedByThePool(next)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Hikari's answer, without a SQLSTATE, to any use of a connection it has closed: it
	 * closes one when the server broke it off (PostgreSQL going down ends every session
	 * with 57P01), and a request still holding it then fails on its next statement or its
	 * rollback with this instead of the server's state (seen in EndToEndIT's outage).
	 */
	private static boolean closedByThePool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	/**
	 * PostgreSQL's SQLSTATE classes: 08 connection exception; 53 insufficient resources
	 * (too many connections, out of memory or disk); 57P01-57P05 the server shutting down
	 * or crashed; 57014 a statement timeout; 55P03 a lock timeout.
	 */
	private static boolean unavailable(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")
				|| state.equals("57014") || state.equals("55P03"));
	}

}
