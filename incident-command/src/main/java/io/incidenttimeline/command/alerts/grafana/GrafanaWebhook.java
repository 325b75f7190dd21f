package io.incidenttimeline.command.alerts.grafana;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.incidenttimeline.command.alerts.Alert;
import io.incidenttimeline.command.alerts.AlertIngestion;
import io.incidenttimeline.command.alerts.AlertProperties;
import io.incidenttimeline.command.alerts.Credentials;
import io.incidenttimeline.command.alerts.Json;
import io.incidenttimeline.command.alerts.Receipts;
import io.incidenttimeline.command.alerts.Unauthorized;
import io.incidenttimeline.command.alerts.alertmanager.AlertmanagerPayload;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Grafana alerting's webhook contact point (POST or PUT). With an HMAC secret configured
 * the body must carry Grafana's HMAC-SHA256 signature (hex) of the body, or of
 * {@code timestamp:body} when a timestamp header is configured; otherwise a bearer token
 * is required. With neither configured the endpoint refuses everything.
 */
@RestController
class GrafanaWebhook {

	static final String INTEGRATION = "grafana";

	private final AlertIngestion ingestion;

	private final GrafanaProperties grafana;

	private final AlertProperties.Limits limits;

	private final JsonMapper json;

	private final Clock clock;

	GrafanaWebhook(AlertIngestion ingestion, GrafanaProperties grafana, AlertProperties properties, JsonMapper json,
			Clock clock) {
		this.ingestion = ingestion;
		this.grafana = grafana;
		this.limits = properties.limits();
		this.json = json;
		this.clock = clock;
	}

	@RequestMapping(path = "/api/alerts/grafana", method = { RequestMethod.POST, RequestMethod.PUT },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Receipts receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body, WebRequest request) {
		authenticate(authorization, (body != null) ? body : new byte[0], request);
		List<Alert> alerts = AlertmanagerPayload.read(Json.parse(this.json, body), INTEGRATION, "1", this.limits);
		return Receipts.of(this.ingestion.ingest(alerts));
	}

	private void authenticate(String authorization, byte[] body, WebRequest request) {
		if (this.grafana.hmacSecret() == null || this.grafana.hmacSecret().isEmpty()) {
			if (!Credentials.bearer(authorization, this.grafana.bearerToken())) {
				throw new Unauthorized("Bearer realm=\"grafana\"", "a valid bearer token for Grafana is required");
			}
			return;
		}
		String signature = request.getHeader(this.grafana.signatureHeader());
		if (signature == null || signature.isBlank()) {
			throw new Unauthorized("HMAC-SHA256", "the " + this.grafana.signatureHeader() + " header is required");
		}
		String expected;
		if (this.grafana.timestampHeader() != null && !this.grafana.timestampHeader().isBlank()) {
			String timestamp = request.getHeader(this.grafana.timestampHeader());
			if (!fresh(timestamp, this.grafana.maxAge())) {
				throw new Unauthorized("HMAC-SHA256",
						"the " + this.grafana.timestampHeader() + " header is missing, malformed or too old");
			}
			expected = Credentials.hmacSha256Hex(this.grafana.hmacSecret(),
					(timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
		}
		else {
			expected = Credentials.hmacSha256Hex(this.grafana.hmacSecret(), body);
		}
		if (!Credentials.matches(signature.trim().toLowerCase(Locale.ROOT), expected)) {
			throw new Unauthorized("HMAC-SHA256", "the signature does not match the body");
		}
	}

	/**
	 * Grafana sends Unix seconds; an old timestamp means a replayed request.
	 */
	private boolean fresh(String timestamp, Duration maxAge) {
		if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		Instant now = this.clock.instant();
		return !sent.isBefore(now.minus(maxAge)) && !sent.isAfter(now.plus(maxAge));
	}

}
