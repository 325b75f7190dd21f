package io.incidenttimeline.events;

import java.util.Objects;

/**
 * Checks shared by the compact constructors of the event records.
 */
final class Require {

	private Require() {
	}

	static String text(String value, String field, int maxLength) {
		Objects.requireNonNull(value, field + " is missing");
		if (value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be blank");
		}
		if (value.length() > maxLength) {
			throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
		}
		return value;
	}

	static String optionalText(String value, String field, int maxLength) {
		return (value == null || value.isBlank()) ? null : text(value, field, maxLength);
	}

	static <T> T present(T value, String field) {
		return Objects.requireNonNull(value, field + " is missing");
	}

}
