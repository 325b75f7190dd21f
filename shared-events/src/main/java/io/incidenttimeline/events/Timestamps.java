package io.incidenttimeline.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One text form for every timestamp we write: UTC, ISO-8601, always six fraction digits
 * (microseconds, what PostgreSQL keeps), e.g. {@code 2026-11-23T03:28:11.042917Z}.
 */
public final class Timestamps {

	/**
	 * The JDK's ISO instant printer with six fraction digits: the same text as the
	 * pattern {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSSX} in UTC, written without building a
	 * zoned date-time for each instant (that made formatting 11 % of an incident list
	 * request's samples).
	 */
	private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

	/**
	 * What a timestamp must look like, for messages about one that does not: "must be "
	 * followed by this.
	 */
	public static final String EXPECTED = "an RFC 3339 timestamp such as 2026-11-23T03:28:11.042917Z";

	private Timestamps() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Reads any RFC 3339 timestamp (any offset, any precision) and truncates to
	 * microseconds.
	 * @throws DateTimeParseException when the text is not one
	 */
	public static Instant parse(String text) {
		return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
			.toInstant()
			.truncatedTo(ChronoUnit.MICROS);
	}

}
