package io.incidenttimeline.command.alerts.cloudevents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import io.incidenttimeline.command.alerts.Alert;
import io.incidenttimeline.command.alerts.AlertIngestion;
import io.incidenttimeline.command.alerts.AlertProperties;
import io.incidenttimeline.command.alerts.Credentials;
import io.incidenttimeline.command.alerts.InvalidAlert;
import io.incidenttimeline.command.alerts.Json;
import io.incidenttimeline.command.alerts.Receipts;
import io.incidenttimeline.command.alerts.Unauthorized;
import io.incidenttimeline.command.alerts.cloudevents.HttpCloudEvents.Read;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts from any system as CloudEvents 1.0 over HTTP, in binary mode ({@code ce-*}
 * headers, the data as the JSON body) or structured mode
 * ({@code application/cloudevents+json}). Accepted types are
 * {@code io.incidenttimeline.alert.triggered.v1}, {@code ...acknowledged.v1} and
 * {@code ...resolved.v1}; {@code time} is when the sender saw the alert fire or resolve;
 * the data is a small alert: {@code key} (required, the alert's identity within its
 * {@code source}), {@code summary} (required to trigger), {@code title}, {@code severity}
 * (critical, error, warning, info), {@code service}, {@code group}, {@code labels{}},
 * {@code link}.
 */
@RestController
class CloudEventAlerts {

	static final String INTEGRATION = "cloudevents";

	static final String TYPE_PREFIX = "io.incidenttimeline.alert.";

	private static final Map<String, Alert.Action> TYPES = Map.of(TYPE_PREFIX + "triggered.v1", Alert.Action.TRIGGER,
			TYPE_PREFIX + "acknowledged.v1", Alert.Action.ACKNOWLEDGE, TYPE_PREFIX + "resolved.v1",
			Alert.Action.RESOLVE);

	private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

	private static final String BATCH = "application/cloudevents-batch+json";

	/**
	 * Bounds of ours: the spec sets none for {@code id} and {@code source}.
	 */
	private static final int MAX_ID = 255;

	private static final int MAX_SOURCE = 512;

	private final AlertIngestion ingestion;

	private final CloudEventsProperties credentials;

	private final AlertProperties.Limits limits;

	private final JsonMapper json;

	CloudEventAlerts(AlertIngestion ingestion, CloudEventsProperties credentials, AlertProperties properties,
			JsonMapper json) {
		this.ingestion = ingestion;
		this.credentials = credentials;
		this.limits = properties.limits();
		this.json = json;
	}

	@PostMapping(path = "/api/alerts/cloudevents", produces = MediaType.APPLICATION_JSON_VALUE)
	Receipts receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		if (!Credentials.bearer(headers.getFirst(HttpHeaders.AUTHORIZATION), this.credentials.bearerToken())) {
			throw new Unauthorized("Bearer realm=\"cloudevents\"", "a valid bearer token is required");
		}
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(BATCH)) {
			throw new InvalidAlert(HttpHeaders.CONTENT_TYPE, "batch mode is not supported; send one event per request");
		}
		return Receipts.of(this.ingestion.ingest(List.of(alert(HttpCloudEvents.read(headers, body)))));
	}

	private Alert alert(Read read) {
		CloudEvent event = read.event();
		if (event.getSpecVersion() != SpecVersion.V1) {
			throw new InvalidAlert(read.attribute("specversion"), "must be 1.0");
		}
		Alert.Action action = TYPES.get(event.getType());
		if (action == null) {
			throw new InvalidAlert(read.attribute("type"), "must be one of " + TYPES.keySet());
		}
		bounded(event.getId(), read.attribute("id"), MAX_ID);
		String source = bounded(event.getSource().toString(), read.attribute("source"), MAX_SOURCE);
		Instant time = (event.getTime() != null) ? event.getTime().toInstant().truncatedTo(ChronoUnit.MICROS) : null;
		JsonNode data = data(read);
		String prefix = read.binary() ? "" : "data.";
		String key = Json.text(data, "key", prefix + "key", true, FieldLimits.ALERT_KEY);
		String summary = Json.text(data, "summary", prefix + "summary", action == Alert.Action.TRIGGER,
				this.limits.maxSummaryLength());
		String title = Json.text(data, "title", prefix + "title", false, FieldLimits.TITLE);
		String severity = Json.text(data, "severity", prefix + "severity", false, FieldLimits.ALERT_SEVERITY);
		if (severity != null && !SEVERITIES.contains(severity)) {
			throw new InvalidAlert(prefix + "severity", "must be one of critical, error, warning, info");
		}
		String service = Json.text(data, "service", prefix + "service", false, FieldLimits.NAME);
		String group = Json.text(data, "group", prefix + "group", false, Alert.MAX_GROUP_KEY);
		String link = Json.text(data, "link", prefix + "link", false, FieldLimits.LINK);
		Map<String, String> labels = Json.strings(data, "labels", prefix + "labels", false, this.limits);
		String text = (summary != null) ? summary : key;
		return new Alert(INTEGRATION, action, source + "#" + key, key,
				(title != null) ? title : Text.shorten(text, FieldLimits.TITLE), text, severity, labels, service,
				(group != null) ? group : source, (action == Alert.Action.TRIGGER) ? time : null,
				(action == Alert.Action.RESOLVE) ? time : null, link, false);
	}

	/**
	 * The alert itself: in binary mode the whole body, in structured mode the JSON
	 * {@code data} (not {@code data_base64}).
	 */
	private JsonNode data(Read read) {
		CloudEventData data = read.event().getData();
		if (read.binary()) {
			return Json.parse(this.json, (data != null) ? data.toBytes() : null);
		}
		if (data == null) {
			throw new InvalidAlert("data", "is missing");
		}
		if (!(data instanceof JsonCloudEventData)) {
			String contentType = read.event().getDataContentType();
			throw (contentType == null || contentType.contains("json"))
					? new InvalidAlert("data_base64", "data must be JSON, not base64")
					: new InvalidAlert("datacontenttype", "must be application/json");
		}
		JsonNode node = this.json.readTree(data.toBytes());
		if (node == null || !node.isObject()) {
			throw new InvalidAlert("data", "must be an object");
		}
		return node;
	}

	private static String bounded(String value, String attribute, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidAlert(attribute, "is missing or blank");
		}
		if (value.length() > maxLength) {
			throw new InvalidAlert(attribute, "must be at most " + maxLength + " characters");
		}
		return value;
	}

}
