package io.incidenttimeline.query.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL {@code timestamptz} columns: the JDBC driver speaks
 * {@link OffsetDateTime}, the code speaks {@link Instant}.
 */
public final class Timestamptz {

	private Timestamptz() {
	}

	public static OffsetDateTime of(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
