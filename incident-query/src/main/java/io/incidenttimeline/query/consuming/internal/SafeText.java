package io.incidenttimeline.query.consuming.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Text every view of this service can hold. The command side now refuses control
 * characters and unpaired surrogates, but events stored before it did may carry them, and
 * PostgreSQL refuses NUL in {@code text} and {@code jsonb}, {@code jsonb} refuses an
 * unpaired surrogate, XML (the Atom feed) refuses most control characters and no UTF-8
 * encoder can write a lone surrogate. Each character that XML 1.0 does not allow (C0
 * controls other than tab, newline and carriage return; unpaired surrogates; U+FFFE,
 * U+FFFF) becomes U+FFFD, the replacement character, so the reader sees that something
 * was there.
 * <p>
 * The consumer applies it to every event as it reads it off the wire, before decoding
 * ({@link IncomingEvent#read}), so the stored payload, every projection, the timeline and
 * every page get the same safe text; the wire bytes are kept exactly as received.
 */
final class SafeText {

	static final char REPLACEMENT = '\uFFFD';

	private static final ObjectMapper JSON = JsonMapper.builder()
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private SafeText() {
	}

	/**
	 * The text with every character XML 1.0 refuses replaced; the same instance when
	 * there is none.
	 */
	static String of(String text) {
		int first = firstUnsafe(text);
		if (first < 0) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				safe.append(c).append(text.charAt(++i));
			}
			else {
				safe.append(allowed(c) ? c : REPLACEMENT);
			}
		}
		return safe.toString();
	}

	/**
	 * The JSON document with every string in it (member names too) made safe; the very
	 * same bytes when nothing needed replacing or when they are not JSON at all, which is
	 * for the decoder to report.
	 */
	static byte[] ofJson(byte[] json) {
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (IOException ex) {
			return json;
		}
		JsonNode safe = (tree != null) ? safe(tree) : null;
		if (safe == null || safe == tree) {
			return json;
		}
		try {
			return JSON.writeValueAsBytes(safe);
		}
		catch (IOException ex) {
			return json;
		}
	}

	private static JsonNode safe(JsonNode node) {
		if (node.isTextual()) {
			String text = node.textValue();
			String safe = of(text);
			return (safe == text) ? node : TextNode.valueOf(safe);
		}
		if (node instanceof ObjectNode object) {
			return safe(object);
		}
		if (node instanceof ArrayNode array) {
			return safe(array);
		}
		return node;
	}

	private static JsonNode safe(ObjectNode object) {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		boolean changed = false;
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String name = of(property.getKey());
			JsonNode value = safe(property.getValue());
			changed |= name != property.getKey() || value != property.getValue();
			properties.put(name, value);
		}
		return changed ? object.objectNode().setAll(properties) : object;
	}

	private static JsonNode safe(ArrayNode array) {
		List<JsonNode> elements = new ArrayList<>(array.size());
		boolean changed = false;
		for (JsonNode element : array) {
			JsonNode value = safe(element);
			changed |= value != element;
			elements.add(value);
		}
		return changed ? array.arrayNode().addAll(elements) : array;
	}

	private static int firstUnsafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (!allowed(c)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * XML 1.0's Char production for one UTF-16 unit outside a surrogate pair.
	 */
	private static boolean allowed(char c) {
		if (c < 0x20) {
			return c == '\t' || c == '\n' || c == '\r';
		}
		return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
	}

}
