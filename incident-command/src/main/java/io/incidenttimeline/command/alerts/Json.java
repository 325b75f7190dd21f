package io.incidenttimeline.command.alerts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.incidenttimeline.command.alerts.AlertProperties.Limits;

import io.incidenttimeline.events.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads sender payloads field by field, so that every violation names its field in the
 * sender's terms and nothing the sender added beyond its format gets in the way.
 */
public final class Json {

	/**
	 * How long a timestamp's text may be, in any sender's format.
	 */
	public static final int MAX_TIMESTAMP = 64;

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

	public static String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
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
		return text;
	}

	public static Instant timestamp(JsonNode parent, String name, String path, boolean required) {
		String text = text(parent, name, path, required, MAX_TIMESTAMP);
		if (text == null) {
			return null;
		}
		try {
			return Timestamps.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidAlert(path, "must be " + Timestamps.EXPECTED);
		}
	}

	/**
	 * A flat string map (labels, annotations) within the configured limits.
	 */
	public static Map<String, String> strings(JsonNode parent, String name, String path, boolean required,
			Limits limits) {
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
			if (!entry.getValue().isString()) {
				throw new InvalidAlert(entryPath, "must be a string");
			}
			String value = entry.getValue().asString();
			if (value.length() > limits.maxValueLength()) {
				throw new InvalidAlert(entryPath, "must be at most " + limits.maxValueLength() + " characters");
			}
			values.put(key, value);
		}
		return values;
	}

}
