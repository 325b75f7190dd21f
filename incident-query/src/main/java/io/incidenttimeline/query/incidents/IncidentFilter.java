package io.incidenttimeline.query.incidents;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.InvalidParameters;
import io.incidenttimeline.query.InvalidParameters.FieldError;

/**
 * The list query's parameters, checked together so that one answer names every bad one.
 * {@code from} (inclusive) and {@code to} (exclusive) bound the declaration time.
 */
record IncidentFilter(Boolean open, Severity severity, String service, Instant from, Instant to, int page, int size) {

	static final int MAX_SIZE = 100;

	/**
	 * @throws InvalidParameters naming each parameter that is wrong
	 */
	static IncidentFilter parse(String status, String severity, String service, String from, String to, String page,
			String size) {
		List<FieldError> errors = new ArrayList<>();
		Boolean open = null;
		if (status != null) {
			switch (status) {
				case "open" -> open = true;
				case "resolved" -> open = false;
				default -> errors.add(new FieldError("status", "must be open or resolved"));
			}
		}
		Severity parsedSeverity = null;
		if (severity != null) {
			try {
				parsedSeverity = Severity.fromLabel(severity);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("severity", "must be one of SEV-1, SEV-2, SEV-3, SEV-4"));
			}
		}
		if (service != null && (service.isBlank() || service.length() > 100)) {
			errors.add(new FieldError("service", "must be 1 to 100 characters"));
		}
		Instant parsedFrom = timestamp("from", from, errors);
		Instant parsedTo = timestamp("to", to, errors);
		if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
			errors.add(new FieldError("to", "must be after from"));
		}
		int parsedPage = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
		int parsedSize = number("size", size, 20, 1, MAX_SIZE, errors);
		if (!errors.isEmpty()) {
			throw new InvalidParameters(errors);
		}
		return new IncidentFilter(open, parsedSeverity, service, parsedFrom, parsedTo, parsedPage, parsedSize);
	}

	private static Instant timestamp(String name, String value, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		try {
			return Timestamps.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(name, "must be an RFC 3339 timestamp such as 2026-11-20T10:02:00.000000Z"));
			return null;
		}
	}

	private static int number(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below like any other out-of-range value
		}
		errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
		return fallback;
	}

}
