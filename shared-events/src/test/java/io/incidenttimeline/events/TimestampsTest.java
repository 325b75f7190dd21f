package io.incidenttimeline.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

	/**
	 * The pattern every timestamp was written with before: the text must not change.
	 */
	private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX")
		.withZone(ZoneOffset.UTC);

	@Test
	void writesSixFractionDigitsInUtc() {
		assertThat(Timestamps.format(Instant.parse("2026-11-23T03:28:11.042917Z")))
			.isEqualTo("2026-11-23T03:28:11.042917Z");
		assertThat(Timestamps.format(Instant.parse("2026-11-23T03:28:11Z"))).isEqualTo("2026-11-23T03:28:11.000000Z");
		assertThat(Timestamps.format(Instant.parse("2026-11-23T03:28:11.123456789Z")))
			.as("nanoseconds are truncated, not rounded")
			.isEqualTo("2026-11-23T03:28:11.123456Z");
		assertThat(Timestamps.format(Instant.parse("0999-01-01T00:00:00.000001Z")))
			.isEqualTo("0999-01-01T00:00:00.000001Z");
	}

	@Test
	void writesWhatThePatternWroteForAnyInstantOfYearsZeroTo9999() {
		Random random = new Random(20261204);
		long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 100_000; i++) {
			Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
					random.nextInt(1_000_000_000));
			assertThat(Timestamps.format(instant)).as("%s", instant)
				.isEqualTo(PATTERN.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
		}
	}

	@Test
	void readsBackWhatItWrites() {
		Instant instant = Instant.parse("2026-12-04T12:26:19.905759Z");

		assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
	}

}
