package io.incidenttimeline.command.alerts.alertmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.incidenttimeline.command.alerts.Alert;
import io.incidenttimeline.command.alerts.AlertProperties.Limits;
import io.incidenttimeline.command.alerts.InvalidAlert;
import io.incidenttimeline.command.alerts.Json;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.Text;
import io.incidenttimeline.events.Timestamps;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's webhook payload (version 4) and Grafana's (version 1, the same shape
 * with extra fields, which are ignored; Grafana's adapter reads it through this class).
 * Each alert is read with its own status: in a group, a resolved alert can arrive in a
 * payload whose top-level status is firing.
 */
public final class AlertmanagerPayload {

	private static final int MAX_FINGERPRINT = 128;

	private static final int MAX_WORD = 16;

	private AlertmanagerPayload() {
	}

	public static List<Alert> read(JsonNode root, String integration, String version, Limits limits) {
		String sent = Json.text(root, "version", "version", true, MAX_WORD);
		if (!version.equals(sent)) {
			throw new InvalidAlert("version", "must be \"" + version + "\", not \"" + sent + "\"");
		}
		String groupKey = Json.text(root, "groupKey", "groupKey", false, Alert.MAX_GROUP_KEY);
		JsonNode alerts = root.get("alerts");
		if (alerts == null || !alerts.isArray()) {
			throw new InvalidAlert("alerts", "must be an array");
		}
		if (alerts.size() > limits.maxAlertsPerRequest()) {
			throw new InvalidAlert("alerts", "must have at most " + limits.maxAlertsPerRequest()
					+ " alerts; set max_alerts in the webhook configuration");
		}
		List<Alert> read = new ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			read.add(alert(alerts.get(i), "alerts[" + i + "]", integration, groupKey, limits));
		}
		return read;
	}

	private static Alert alert(JsonNode node, String path, String integration, String groupKey, Limits limits) {
		if (!node.isObject()) {
			throw new InvalidAlert(path, "must be an object");
		}
		String status = Json.text(node, "status", path + ".status", true, MAX_WORD);
		if (!status.equals("firing") && !status.equals("resolved")) {
			throw new InvalidAlert(path + ".status", "must be firing or resolved");
		}
		Map<String, String> labels = Json.strings(node, "labels", path + ".labels", true, limits);
		Map<String, String> annotations = Json.strings(node, "annotations", path + ".annotations", false, limits);
		Instant startsAt = Json.timestamp(node, "startsAt", path + ".startsAt", true);
		// While firing, endsAt is a placeholder (0001-01-01 or a provisional time).
		Instant endsAt = status.equals("resolved") ? Json.timestamp(node, "endsAt", path + ".endsAt", false) : null;
		String fingerprint = Json.text(node, "fingerprint", path + ".fingerprint", true, MAX_FINGERPRINT);
		String link = Json.text(node, "generatorURL", path + ".generatorURL", false, FieldLimits.LINK);
		String summary = annotations.get("summary");
		if (summary != null && summary.length() > limits.maxSummaryLength()) {
			throw new InvalidAlert(path + ".annotations.summary",
					"must be at most " + limits.maxSummaryLength() + " characters");
		}
		String alertname = labels.get("alertname");
		if (summary == null || summary.isBlank()) {
			summary = (alertname != null && !alertname.isBlank()) ? alertname : fingerprint;
		}
		String severity = labels.get("severity");
		if (severity != null && severity.length() > FieldLimits.ALERT_SEVERITY) {
			throw new InvalidAlert(path + ".labels.severity",
					"must be at most " + FieldLimits.ALERT_SEVERITY + " characters");
		}
		String service = labels.get("service");
		if (service != null && service.length() > FieldLimits.NAME) {
			throw new InvalidAlert(path + ".labels.service", "must be at most " + FieldLimits.NAME + " characters");
		}
		if (service != null && service.isBlank()) {
			service = null;
		}
		String title = (alertname != null && !alertname.isBlank())
				? alertname + ((service != null) ? ": " + service : "") : summary;
		return new Alert(integration, status.equals("firing") ? Alert.Action.TRIGGER : Alert.Action.RESOLVE,
				fingerprint + "@" + Timestamps.format(startsAt), fingerprint, Text.shorten(title, FieldLimits.TITLE),
				summary, (severity == null || severity.isBlank()) ? null : severity, labels, service,
				(groupKey != null) ? groupKey : fingerprint, startsAt, endsAt, link, false);
	}

}
