package io.incidenttimeline.query.statuspage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a document of ours with a documented Statuspage example: the same field names
 * at every level, the same JSON types (a documented null admits null or a string), the
 * documented value sets, and every timestamp in UTC with microseconds. Any other
 * documented null admits null or a string too, since an example shows no type for it.
 */
final class JsonShape {

	private static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");

	private static final Set<String> INCIDENT_STATUSES = Set.of("investigating", "identified", "monitoring", "resolved",
			"postmortem");

	private static final Set<String> COMPONENT_STATUSES = Set.of("operational", "degraded_performance",
			"partial_outage", "major_outage", "under_maintenance");

	/**
	 * Fields Statuspage documents as "string or null": an example shows only one of the
	 * two.
	 */
	private static final Set<String> NULLABLE = Set.of("monitoring_at", "resolved_at", "description", "group_id");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");

	private JsonShape() {
	}

	static List<String> differences(JsonNode documented, JsonNode ours) {
		List<String> differences = new ArrayList<>();
		compare(documented, ours, "$", "", "", differences);
		return differences;
	}

	private static void compare(JsonNode documented, JsonNode ours, String path, String owner, String field,
			List<String> differences) {
		if (NULLABLE.contains(field) && (documented.isNull() || documented.isTextual())) {
			if (!ours.isNull() && !ours.isTextual()) {
				differences.add(path + ": documented as a string or null, ours is " + ours.getNodeType());
			}
		}
		else if (documented.isNull()) {
			if (!ours.isNull() && !ours.isTextual()) {
				differences.add(path + ": documented as null (or a string), ours is " + ours.getNodeType());
			}
		}
		else if (documented.getNodeType() != ours.getNodeType()) {
			differences.add(path + ": documented as " + documented.getNodeType() + ", ours is " + ours.getNodeType());
			return;
		}
		if (documented.isObject()) {
			Set<String> documentedNames = names(documented);
			Set<String> ourNames = names(ours);
			if (!documentedNames.equals(ourNames)) {
				differences.add(path + ": fields " + ourNames + " instead of " + documentedNames);
			}
			for (String name : documentedNames) {
				if (ours.has(name)) {
					compare(documented.get(name), ours.get(name), path + "." + name, name, name, differences);
				}
			}
			checkValues(ours, path, owner, differences);
		}
		else if (documented.isArray()) {
			if (documented.isEmpty() && !ours.isEmpty()) {
				differences.add(path + ": documented empty, ours has " + ours.size() + " elements");
			}
			if (!documented.isEmpty() && ours.isEmpty()) {
				differences.add(path + ": empty, so its elements could not be compared");
			}
			for (int i = 0; i < ours.size() && !documented.isEmpty(); i++) {
				compare(documented.get(0), ours.get(i), path + "[" + i + "]", owner, "", differences);
			}
		}
	}

	private static void checkValues(JsonNode object, String path, String owner, List<String> differences) {
		Iterator<String> names = object.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			JsonNode value = object.get(name);
			if (name.endsWith("_at") && value.isTextual() && !TIMESTAMP.matcher(value.asText()).matches()) {
				differences.add(path + "." + name + ": not UTC with microseconds: " + value.asText());
			}
		}
		if (owner.equals("status")) {
			within(object, "indicator", INDICATORS, path, differences);
		}
		else if (owner.equals("components")) {
			within(object, "status", COMPONENT_STATUSES, path, differences);
		}
		else if (owner.equals("incidents") || owner.equals("incident_updates")) {
			within(object, "status", INCIDENT_STATUSES, path, differences);
			within(object, "impact", INDICATORS, path, differences);
		}
		else if (owner.equals("affected_components")) {
			within(object, "old_status", COMPONENT_STATUSES, path, differences);
			within(object, "new_status", COMPONENT_STATUSES, path, differences);
		}
	}

	private static void within(JsonNode object, String name, Set<String> allowed, String path,
			List<String> differences) {
		if (object.has(name) && !allowed.contains(object.get(name).asText())) {
			differences.add(path + "." + name + ": " + object.get(name) + " is not one of " + allowed);
		}
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new HashSet<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
