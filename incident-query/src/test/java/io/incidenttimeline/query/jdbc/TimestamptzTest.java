package io.incidenttimeline.query.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestamptzTest {

	@Test
	void instantsAColumnCanHoldAreStoredAsTheyAre() {
		Instant year226 = Instant.parse("0226-11-23T09:58:30Z");

		assertThat(Timestamptz.of(year226).toInstant()).isEqualTo(year226);
		assertThat(Timestamptz.of(Timestamptz.MIN).toInstant()).isEqualTo(Timestamptz.MIN);
		assertThat(Timestamptz.of(Timestamptz.MAX).toInstant()).isEqualTo(Timestamptz.MAX);
		assertThat(Timestamptz.of(null)).isNull();
	}

	@Test
	void instantsBeyondWhatPostgresqlKeepsAreClampedToTheNearerBound() {
		assertThat(Timestamptz.of(Instant.parse("+300000-01-01T00:00:00Z")))
			.isEqualTo(OffsetDateTime.parse("+294276-12-31T23:59:59.999999Z"));
		assertThat(Timestamptz.of(Instant.MAX).toInstant()).isEqualTo(Timestamptz.MAX);
		assertThat(Timestamptz.of(Instant.parse("-5000-01-01T00:00:00Z")).toInstant())
			.isEqualTo(Instant.parse("-4712-01-01T00:00:00Z"));
		assertThat(Timestamptz.clamp(OffsetDateTime.MIN.toInstant())).as("a legacy -infinity read back")
			.isEqualTo(Timestamptz.MIN);
		assertThat(Timestamptz.clamp(OffsetDateTime.MAX.toInstant())).as("a legacy infinity read back")
			.isEqualTo(Timestamptz.MAX);
		assertThat(Timestamptz.of(Instant.MIN).getOffset()).isEqualTo(ZoneOffset.UTC);
	}

}
