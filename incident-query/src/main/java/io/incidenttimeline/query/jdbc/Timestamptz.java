package io.incidenttimeline.query.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL {@code timestamptz} columns: the JDBC driver speaks
 * {@link OffsetDateTime}, the code speaks {@link Instant}.
 * <p>
 * An event may carry any instant Java can hold (years -1,000,000,000 to 1,000,000,000), a
 * column cannot: PostgreSQL keeps 4714 BC to 294276 AD and refuses the insert beyond the
 * end, and the JDBC driver sends anything before 1 January 4713 BC as {@code -infinity}.
 * So instants are clamped into [{@link #MIN}, {@link #MAX}] both ways: an event from year
 * 0226 is stored as it is, one from year 300000 as {@link #MAX}, and a legacy
 * {@code ±infinity} reads back as the bound. Such instants only come from events stored
 * before the command side checked them.
 */
public final class Timestamptz {

	/**
	 * The earliest instant stored as itself: 1 January 4713 BC (proleptic Gregorian).
	 */
	public static final Instant MIN = Instant.parse("-4712-01-01T00:00:00Z");

	/**
	 * The latest instant PostgreSQL can store.
	 */
	public static final Instant MAX = Instant.parse("+294276-12-31T23:59:59.999999Z");

	private Timestamptz() {
	}

	public static OffsetDateTime of(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(clamp(instant), ZoneOffset.UTC) : null;
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? clamp(value.toInstant()) : null;
	}

	/**
	 * The instant itself when a column can hold it, else the nearer bound.
	 */
	public static Instant clamp(Instant instant) {
		if (instant.isBefore(MIN)) {
			return MIN;
		}
		return instant.isAfter(MAX) ? MAX : instant;
	}

}
