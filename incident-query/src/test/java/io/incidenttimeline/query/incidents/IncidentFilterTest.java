package io.incidenttimeline.query.incidents;

import java.time.Instant;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.InvalidParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IncidentFilterTest {

	@Test
	void noParametersMeansEverythingFirstPageOfTwenty() {
		IncidentFilter filter = IncidentFilter.parse(null, null, null, null, null, null, null);

		assertThat(filter).isEqualTo(new IncidentFilter(null, null, null, null, null, 0, 20));
	}

	@Test
	void validParametersAreRead() {
		IncidentFilter filter = IncidentFilter.parse("resolved", "sev-1", "checkout", "2026-11-20T10:00:00Z",
				"2026-11-21T10:00:00.5+01:00", "2", "50");

		assertThat(filter).isEqualTo(new IncidentFilter(false, Severity.SEV_1, "checkout",
				Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T09:00:00.5Z"), 2, 50));
	}

	@Test
	void everyBadParameterIsNamed() {
		InvalidParameters invalid = catchThrowableOfType(InvalidParameters.class,
				() -> IncidentFilter.parse("closed", "SEV-9", " ", "yesterday", null, "-1", "101"));

		assertThat(invalid.errors()).extracting(InvalidParameters.FieldError::field)
			.containsExactly("status", "severity", "service", "from", "page", "size");
	}

	@Test
	void toMustBeAfterFrom() {
		InvalidParameters invalid = catchThrowableOfType(InvalidParameters.class, () -> IncidentFilter.parse(null, null,
				null, "2026-11-21T00:00:00Z", "2026-11-20T00:00:00Z", null, null));

		assertThat(invalid.errors()).extracting(InvalidParameters.FieldError::field).containsExactly("to");
	}

}
