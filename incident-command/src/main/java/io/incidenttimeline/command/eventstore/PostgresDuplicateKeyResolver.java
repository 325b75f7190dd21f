package io.incidenttimeline.command.eventstore;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append lost the race for an (aggregate, sequence) slot, so that it
 * throws a {@code ConcurrencyException} rather than a generic store failure. Axon's
 * {@code JdbcSQLErrorCodesResolver} misses PostgreSQL's unique violation when it arrives
 * wrapped in a batch update exception.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

	private static final String UNIQUE_VIOLATION = "23505";

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
