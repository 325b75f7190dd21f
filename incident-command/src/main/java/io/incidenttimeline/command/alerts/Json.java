package io.incidenttimeline.command.alerts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.incidenttimeline.command.alerts.AlertProperties.Limits;
import io.incidenttimeline.events.TextRules;
import io.incidenttimeline.events.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads sender payloads field by field, so that every violation names its field in the
 * sender's terms and nothing the sender added beyond its format gets in the way. Text
 * keeps the {@link TextRules} the incident's events keep: names, keys, labels and links
 * one line ({@link #text}), summaries and annotations prose ({@link #prose}).
 */
public final class Json {

	/**
	 * How long a timestamp's text may be, in any sender's format.
	 */
	public static final int MAX_TIMESTAMP = 64;

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

	private Json() {
	}

	public static JsonNode parse(JsonMapper mapper, byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidAlert("$", "the request body is missing");
		}
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidAlert("$", "the body is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidAlert("$", "the body must be a JSON object");
		}
		return root;
	}

	/**
	 * The named object, or an empty object when it is absent or null and not required.
	 */
	public static JsonNode object(JsonNode parent, String name, String path, boolean required) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			if (required) {
				throw new InvalidAlert(path, "is missing");
			}
			return JsonMapper.shared().createObjectNode();
		}
		if (!node.isObject()) {
			throw new InvalidAlert(path, "must be an object");
		}
		return node;
	}

	/**
	 * A single line of text: a name, a key, a title, a label, a link.
	 */
	public static String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
		return text(parent, name, path, required, maxLength, false);
	}

	/**
	 * Prose: a summary or a description, which may span lines.
	 */
	public static String prose(JsonNode parent, String name, String path, boolean required, int maxLength) {
		return text(parent, name, path, required, maxLength, true);
	}

	private static String text(JsonNode parent, String name, String path, boolean required, int maxLength,
			boolean prose) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
			if (required) {
				throw new InvalidAlert(path, "is missing or blank");
			}
			return null;
		}
		if (!node.isString()) {
			throw new InvalidAlert(path, "must be a string");
		}
		String text = node.asString();
		if (text.length() > maxLength) {
			throw new InvalidAlert(path, "must be at most " + maxLength + " characters");
		}
		requireClean(text, path, prose);
		return text;
	}

	/**
	 * Text read elsewhere (a header, an SDK's attribute) keeps the same rules.
	 */
	public static void requireClean(String text, String path, boolean prose) {
		Optional<String> problem = prose ? TextRules.proseProblem(text) : TextRules.lineProblem(text);
		problem.ifPresent((message) -> {
			throw new InvalidAlert(path, message);
		});
	}

	/**
	 * Prose made one line, for a title made from a summary: line breaks and tabs become
	 * single spaces.
	 */
	public static String oneLine(String text) {
		return (text != null) ? LINE_BREAKS.matcher(text).replaceAll(" ").strip() : null;
	}

	/**
	 * A timestamp of the sender's within the window every client timestamp keeps.
	 */
	public static Instant timestamp(JsonNode parent, String name, String path, boolean required,
			SenderTimestamps window) {
		String text = text(parent, name, path, required, MAX_TIMESTAMP);
		if (text == null) {
			return null;
		}
		Instant timestamp;
		try {
			timestamp = Timestamps.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidAlert(path, "must be " + Timestamps.EXPECTED);
		}
		return window.require(timestamp, path);
	}

	/**
	 * A flat map of one-line strings (labels) within the configured limits.
	 */
	public static Map<String, String> strings(JsonNode parent, String name, String path, boolean required,
			Limits limits) {
		return strings(parent, name, path, required, limits, false);
	}

	/**
	 * A flat map of prose (annotations) within the configured limits; its keys are one
	 * line each.
	 */
	public static Map<String, String> proseStrings(JsonNode parent, String name, String path, boolean required,
			Limits limits) {
		return strings(parent, name, path, required, limits, true);
	}

	private static Map<String, String> strings(JsonNode parent, String name, String path, boolean required,
			Limits limits, boolean prose) {
		JsonNode node = object(parent, name, path, required);
		if (node.size() > limits.maxLabels()) {
			throw new InvalidAlert(path, "must have at most " + limits.maxLabels() + " entries");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String key = entry.getKey();
			String entryPath = path + "." + key;
			if (key.isBlank() || key.length() > limits.maxKeyLength()) {
				throw new InvalidAlert(path, "keys must be 1 to " + limits.maxKeyLength() + " characters");
			}
			TextRules.lineProblem(key).ifPresent((message) -> {
				throw new InvalidAlert(path, "keys " + message);
			});
			if (!entry.getValue().isString()) {
				throw new InvalidAlert(entryPath, "must be a string");
			}
			String value = entry.getValue().asString();
			if (value.length() > limits.maxValueLength()) {
				throw new InvalidAlert(entryPath, "must be at most " + limits.maxValueLength() + " characters");
			}
			requireClean(value, entryPath, prose);
			values.put(key, value);
		}
		return values;
	}

}
