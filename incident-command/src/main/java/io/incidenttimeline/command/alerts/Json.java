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
final class Json {

	private Json() {
	}

	static JsonNode parse(JsonMapper mapper, byte[] body) {
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

	static String path(String parent, String name) {
		return parent.isEmpty() ? name : parent + "." + name;
	}

	/**
	 * The named object, or an empty object when it is absent or null and not required.
	 */
	static JsonNode object(JsonNode parent, String name, String path, boolean required) {
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

	static String text(JsonNode parent, String name, String path, boolean required, int maxLength) {
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

	static Instant timestamp(JsonNode parent, String name, String path, boolean required) {
		String text = text(parent, name, path, required, 64);
		if (text == null) {
			return null;
		}
		try {
			return Timestamps.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidAlert(path, "is not an RFC 3339 timestamp");
		}
	}

	/**
	 * A flat string map (labels, annotations) within the configured limits.
	 */
	static Map<String, String> strings(JsonNode parent, String name, String path, boolean required, Limits limits) {
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

	static String shorten(String text, int maxLength) {
		return (text.length() <= maxLength) ? text : text.substring(0, maxLength - 1) + "…";
	}

}
