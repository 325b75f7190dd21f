package io.incidenttimeline.command.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

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

	private static final String STRUCTURED = "application/cloudevents+json";

	private final AlertIngestion ingestion;

	private final AlertProperties properties;

	private final JsonMapper json;

	CloudEventAlerts(AlertIngestion ingestion, AlertProperties properties, JsonMapper json) {
		this.ingestion = ingestion;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping(path = "/api/alerts/cloudevents", produces = MediaType.APPLICATION_JSON_VALUE)
	Receipts receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			@RequestBody(required = false) byte[] body, WebRequest request) {
		if (!Credentials.bearer(authorization, this.properties.cloudevents().bearerToken())) {
			throw new Unauthorized("Bearer realm=\"cloudevents\"", "a valid bearer token is required");
		}
		String mediaType = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (mediaType.startsWith("application/cloudevents-batch+json")) {
			throw new InvalidAlert("Content-Type", "batch mode is not supported; send one event per request");
		}
		Alert alert = mediaType.startsWith(STRUCTURED) ? structured(Json.parse(this.json, body))
				: binary(request, Json.parse(this.json, body));
		return Receipts.of(this.ingestion.ingest(List.of(alert)));
	}

	private Alert structured(JsonNode event) {
		if (event.has("data_base64")) {
			throw new InvalidAlert("data_base64", "data must be JSON, not base64");
		}
		return alert(Json.text(event, "specversion", "specversion", true, 8), Json.text(event, "id", "id", true, 255),
				Json.text(event, "source", "source", true, 512), Json.text(event, "type", "type", true, 255),
				Json.timestamp(event, "time", "time", false), Json.object(event, "data", "data", true), "data.");
	}

	private Alert binary(WebRequest request, JsonNode data) {
		JsonNode headers = JsonMapper.shared()
			.createObjectNode()
			.put("specversion", request.getHeader("ce-specversion"))
			.put("id", request.getHeader("ce-id"))
			.put("source", request.getHeader("ce-source"))
			.put("type", request.getHeader("ce-type"))
			.put("time", request.getHeader("ce-time"));
		return alert(Json.text(headers, "specversion", "ce-specversion", true, 8),
				Json.text(headers, "id", "ce-id", true, 255), Json.text(headers, "source", "ce-source", true, 512),
				Json.text(headers, "type", "ce-type", true, 255), Json.timestamp(headers, "time", "ce-time", false),
				data, "");
	}

	private Alert alert(String specVersion, String id, String source, String type, Instant time, JsonNode data,
			String prefix) {
		if (!"1.0".equals(specVersion)) {
			throw new InvalidAlert(prefix.isEmpty() ? "ce-specversion" : "specversion", "must be 1.0");
		}
		Alert.Action action = TYPES.get(type);
		if (action == null) {
			throw new InvalidAlert(prefix.isEmpty() ? "ce-type" : "type", "must be one of " + TYPES.keySet());
		}
		AlertProperties.Limits limits = this.properties.limits();
		String key = Json.text(data, "key", prefix + "key", true, 255);
		String summary = Json.text(data, "summary", prefix + "summary", action == Alert.Action.TRIGGER,
				limits.maxSummaryLength());
		String title = Json.text(data, "title", prefix + "title", false, 200);
		String severity = Json.text(data, "severity", prefix + "severity", false, 16);
		if (severity != null && !SEVERITIES.contains(severity)) {
			throw new InvalidAlert(prefix + "severity", "must be one of critical, error, warning, info");
		}
		String service = Json.text(data, "service", prefix + "service", false, 100);
		String group = Json.text(data, "group", prefix + "group", false, 1024);
		String link = Json.text(data, "link", prefix + "link", false, 2048);
		Map<String, String> labels = Json.strings(data, "labels", prefix + "labels", false, limits);
		String text = (summary != null) ? summary : key;
		return new Alert(INTEGRATION, action, source + "#" + key, key,
				(title != null) ? title : Json.shorten(text, 200), text, severity, labels, service,
				(group != null) ? group : source, (action == Alert.Action.TRIGGER) ? time : null,
				(action == Alert.Action.RESOLVE) ? time : null, link, false);
	}

}
