package io.incidenttimeline.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What text every view can hold: well-formed Unicode (no unpaired surrogate, which no
 * UTF-8 encoder can write) without control characters (PostgreSQL refuses NUL in
 * {@code text} and {@code jsonb}; XML refuses most of them; none of them means anything
 * to a reader). Prose fields ({@link MultiLine}) may also hold newlines and tabs; titles,
 * names, services and labels hold a single line. The command side checks every event
 * before it stores it, so whatever it stores every projection can apply.
 */
public final class TextRules {

	private TextRules() {
	}

	/**
	 * Why the text is not a clean single line, if it is not.
	 */
	public static Optional<String> lineProblem(String value) {
		return problem(value, false);
	}

	/**
	 * Why the text is not clean prose, if it is not.
	 */
	public static Optional<String> proseProblem(String value) {
		return problem(value, true);
	}

	/**
	 * Every text field of the event that breaks the rules, named as the event's JSON
	 * names it ({@code title}, {@code services[1]}, {@code labels.team},
	 * {@code openingAlert.alertKey}).
	 */
	public static List<Violation> violations(Object event) {
		List<Violation> violations = new ArrayList<>();
		check(event, "", violations);
		return violations;
	}

	private static void check(Object record, String prefix, List<Violation> violations) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Object value = read(record, component);
			String field = prefix + component.getName();
			boolean prose = component.isAnnotationPresent(MultiLine.class);
			if (value instanceof String text) {
				problem(text, prose).ifPresent((message) -> violations.add(new Violation(field, message)));
			}
			else if (value instanceof Collection<?> values) {
				int index = 0;
				for (Object element : values) {
					if (element instanceof String text) {
						String at = field + "[" + index + "]";
						problem(text, prose).ifPresent((message) -> violations.add(new Violation(at, message)));
					}
					index++;
				}
			}
			else if (value instanceof Map<?, ?> entries) {
				entries.forEach((key, entry) -> {
					String at = field + "." + key;
					if (key instanceof String name) {
						lineProblem(name)
							.ifPresent((message) -> violations.add(new Violation(field, "key " + message)));
					}
					if (entry instanceof String text) {
						problem(text, prose).ifPresent((message) -> violations.add(new Violation(at, message)));
					}
				});
			}
			else if (value != null && value.getClass().isRecord()) {
				check(value, field + ".", violations);
			}
		}
	}

	private static Object read(Object record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + component, ex);
		}
	}

	private static Optional<String> problem(String value, boolean prose) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return Optional.of("must be well-formed Unicode: an unpaired surrogate at position " + i);
			}
			if (Character.isLowSurrogate(c)) {
				return Optional.of("must be well-formed Unicode: an unpaired surrogate at position " + i);
			}
			if (Character.isISOControl(c) && !(prose && allowedInProse(value, i))) {
				return Optional.of(prose ? "must not contain control characters other than newline and tab"
						: "must be one line without control characters");
			}
		}
		return Optional.empty();
	}

	/**
	 * Newline and tab; a carriage return only as part of a CRLF newline.
	 */
	private static boolean allowedInProse(String value, int index) {
		char c = value.charAt(index);
		return c == '\n' || c == '\t' || (c == '\r' && index + 1 < value.length() && value.charAt(index + 1) == '\n');
	}

	/**
	 * One field that breaks the rules, and why.
	 */
	public record Violation(String field, String message) {
	}

}
