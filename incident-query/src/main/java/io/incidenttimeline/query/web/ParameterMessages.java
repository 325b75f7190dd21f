package io.incidenttimeline.query.web;

import io.incidenttimeline.events.Timestamps;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;

/**
 * One wording per kind of mistake in a request parameter, whichever endpoint it was made
 * on.
 */
final class ParameterMessages {

	static final String UUID = "must be a UUID";

	static final String TIMESTAMP = "must be " + Timestamps.EXPECTED;

	static final String SEVERITY = "must be one of "
			+ Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining(", "));

	static final String WHOLE_NUMBER = "must be a whole number";

	static final String AFTER_FROM = "must be after from";

	private ParameterMessages() {
	}

	/**
	 * What a text that could not be converted to {@code type} is told.
	 */
	static String notA(Class<?> type) {
		if (type == IncidentId.class) {
			return UUID;
		}
		if (type == Instant.class) {
			return TIMESTAMP;
		}
		if (type == Severity.class) {
			return SEVERITY;
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return WHOLE_NUMBER;
		}
		return "is not a valid value";
	}

}
