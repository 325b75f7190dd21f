package io.incidenttimeline.command.alerts.pagerduty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.incidenttimeline.command.alerts.Alert;
import io.incidenttimeline.command.alerts.AlertIngestion;
import io.incidenttimeline.command.alerts.AlertProperties;
import io.incidenttimeline.command.alerts.Credentials;
import io.incidenttimeline.command.alerts.InvalidAlert;
import io.incidenttimeline.command.alerts.Json;
import io.incidenttimeline.command.alerts.SenderTimestamps;
import io.incidenttimeline.command.alerts.TokenBuckets;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.Text;
import org.apache.commons.codec.digest.DigestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}): a sender switches from PagerDuty by
 * changing the URL. The routing key is the credential; each has its own rate limit,
 * shared by all instances.
 */
@RestController
class PagerDutyEvents {

	static final String INTEGRATION = "pagerduty";

	private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

	/**
	 * PagerDuty's own limit, and what an alert key may hold.
	 */
	private static final int MAX_DEDUP_KEY = FieldLimits.ALERT_KEY;

	private static final int MAX_WORD = 16;

	/**
	 * ISO 8601 with the offset with or without a colon: PagerDuty's own examples write
	 * {@code 2015-07-17T08:42:58.315+0000}.
	 */
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	private static final int MAX_FIELD = 1024;

	private final AlertIngestion ingestion;

	private final PagerDutyProperties pagerDuty;

	private final AlertProperties.Limits limits;

	private final JsonMapper json;

	private final TokenBuckets buckets;

	private final SenderTimestamps window;

	PagerDutyEvents(AlertIngestion ingestion, PagerDutyProperties pagerDuty, AlertProperties properties,
			JsonMapper json, SenderTimestamps window, TokenBuckets buckets) {
		this.ingestion = ingestion;
		this.pagerDuty = pagerDuty;
		this.limits = properties.limits();
		this.json = json;
		this.window = window;
		this.buckets = buckets;
	}

	@PostMapping(path = "/v2/enqueue", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PagerDutyResponse> enqueue(@RequestBody(required = false) byte[] body) {
		JsonNode root = parse(body);
		JsonNode routingKey = root.get("routing_key");
		String key = (routingKey != null && routingKey.isString()) ? routingKey.asString() : null;
		if (!known(key)) {
			throw PagerDutyRejection.unauthorized();
		}
		// Only known keys get a bucket: unknown ones were refused above.
		if (!this.buckets.tryTake(INTEGRATION + ":" + DigestUtils.sha256Hex(key), this.pagerDuty.burst(),
				this.pagerDuty.eventsPerMinute())) {
			throw PagerDutyRejection.throttled();
		}
		Alert alert = read(root, key);
		this.ingestion.ingest(List.of(alert));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(PagerDutyResponse.processed(alert.alertKey()));
	}

	private JsonNode parse(byte[] body) {
		try {
			return Json.parse(this.json, body);
		}
		catch (InvalidAlert ex) {
			throw PagerDutyRejection.invalid(List.of(ex.problems().get(0).message()));
		}
	}

	private boolean known(String key) {
		boolean known = false;
		// Compare against every configured key, so timing does not tell which one came
		// close.
		for (String configured : this.pagerDuty.routingKeys()) {
			known |= Credentials.matches(key, configured);
		}
		return known;
	}

	private Alert read(JsonNode root, String routingKey) {
		List<String> errors = new ArrayList<>();
		String action = text(root, "event_action", true, MAX_WORD, errors);
		if (action != null && !Set.of("trigger", "acknowledge", "resolve").contains(action)) {
			errors.add("'event_action' must be one of trigger, acknowledge, resolve");
		}
		String dedupKey = text(root, "dedup_key", !"trigger".equals(action), MAX_DEDUP_KEY, errors);
		JsonNode payload = root.get("payload");
		if (!"trigger".equals(action) || !errors.isEmpty()) {
			if (!errors.isEmpty()) {
				throw PagerDutyRejection.invalid(errors);
			}
			return new Alert(INTEGRATION, "resolve".equals(action) ? Alert.Action.RESOLVE : Alert.Action.ACKNOWLEDGE,
					receiptKey(routingKey, dedupKey), dedupKey, dedupKey, dedupKey, null, Map.of(), null, null, null,
					null, null, true);
		}
		if (payload == null || !payload.isObject()) {
			throw PagerDutyRejection.invalid(List.of("'payload' is missing or not an object"));
		}
		String summary = prose(payload, "payload.summary", "summary", this.limits.maxSummaryLength(), errors);
		String source = text(payload, "payload.source", "source", true, MAX_FIELD, errors);
		String severity = text(payload, "payload.severity", "severity", true, MAX_WORD, errors);
		if (severity != null && !SEVERITIES.contains(severity)) {
			errors.add("'payload.severity' must be one of critical, error, warning, info");
		}
		String timestamp = text(payload, "payload.timestamp", "timestamp", false, Json.MAX_TIMESTAMP, errors);
		Instant firedAt = null;
		if (timestamp != null) {
			try {
				firedAt = OffsetDateTime.parse(timestamp.trim(), TIMESTAMP).toInstant().truncatedTo(ChronoUnit.MICROS);
			}
			catch (DateTimeParseException ex) {
				errors.add("'payload.timestamp' is not an ISO 8601 timestamp");
			}
			if (firedAt != null) {
				this.window.problem(firedAt).ifPresent((problem) -> errors.add("'payload.timestamp' " + problem));
			}
		}
		String component = text(payload, "payload.component", "component", false, FieldLimits.NAME, errors);
		String group = text(payload, "payload.group", "group", false, Alert.MAX_GROUP_KEY, errors);
		String eventClass = text(payload, "payload.class", "class", false, MAX_FIELD, errors);
		String client = text(root, "client", false, MAX_FIELD, errors);
		String clientUrl = text(root, "client_url", false, FieldLimits.LINK, errors);
		JsonNode details = payload.get("custom_details");
		if (details != null && !details.isNull() && !details.isObject() && !details.isString()) {
			errors.add("'payload.custom_details' must be an object or a string");
		}
		if (!errors.isEmpty()) {
			throw PagerDutyRejection.invalid(errors);
		}
		String key = (dedupKey != null) ? dedupKey : UUID.randomUUID().toString().replace("-", "");
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("source", source);
		labels.put("severity", severity);
		putIfPresent(labels, "component", component);
		putIfPresent(labels, "group", group);
		putIfPresent(labels, "class", eventClass);
		putIfPresent(labels, "client", client);
		String service = (component != null) ? component : ((source.length() <= FieldLimits.NAME) ? source : null);
		String groupKey = (group != null) ? group : ((component != null) ? component : source);
		return new Alert(INTEGRATION, Alert.Action.TRIGGER, receiptKey(routingKey, key), key,
				Text.shorten(summary, FieldLimits.TITLE), summary, severity, labels, service, groupKey, firedAt, null,
				clientUrl, true);
	}

	/**
	 * PagerDuty's messages name fields in quotes; missing and wrongly typed fields are
	 * collected so the sender sees every problem at once.
	 */
	private static String text(JsonNode parent, String name, boolean required, int maxLength, List<String> errors) {
		return text(parent, name, name, required, maxLength, errors);
	}

	private static String text(JsonNode parent, String path, String name, boolean required, int maxLength,
			List<String> errors) {
		try {
			return Json.text(parent, name, path, required, maxLength);
		}
		catch (InvalidAlert ex) {
			errors.add("'" + path + "' " + ex.problems().get(0).message());
			return null;
		}
	}

	/**
	 * A required prose field: the summary may span lines.
	 */
	private static String prose(JsonNode parent, String path, String name, int maxLength, List<String> errors) {
		try {
			return Json.prose(parent, name, path, true, maxLength);
		}
		catch (InvalidAlert ex) {
			errors.add("'" + path + "' " + ex.problems().get(0).message());
			return null;
		}
	}

	private static void putIfPresent(Map<String, String> labels, String key, String value) {
		if (value != null) {
			labels.put(key, value);
		}
	}

	/**
	 * The routing key is a credential: receipts keep only a digest of it.
	 */
	private static String receiptKey(String routingKey, String dedupKey) {
		return DigestUtils.sha256Hex(routingKey).substring(0, 16) + ":" + dedupKey;
	}

}
