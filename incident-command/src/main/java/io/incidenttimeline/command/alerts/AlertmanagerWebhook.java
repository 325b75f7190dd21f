package io.incidenttimeline.command.alerts;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus Alertmanager's webhook receiver: point a {@code webhook_configs} entry here
 * with the bearer token or basic auth configured for it.
 */
@RestController
class AlertmanagerWebhook {

	static final String INTEGRATION = "alertmanager";

	private final AlertIngestion ingestion;

	private final AlertProperties properties;

	private final JsonMapper json;

	AlertmanagerWebhook(AlertIngestion ingestion, AlertProperties properties, JsonMapper json) {
		this.ingestion = ingestion;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping(path = "/api/alerts/alertmanager", produces = MediaType.APPLICATION_JSON_VALUE)
	Receipts receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		AlertProperties.Alertmanager credentials = this.properties.alertmanager();
		if (!Credentials.bearer(authorization, credentials.bearerToken())
				&& !Credentials.basic(authorization, credentials.username(), credentials.password())) {
			throw new Unauthorized("Bearer realm=\"alertmanager\", Basic realm=\"alertmanager\"",
					"a valid bearer token or basic auth for Alertmanager is required");
		}
		List<Alert> alerts = AlertmanagerPayload.read(Json.parse(this.json, body), INTEGRATION, "4",
				this.properties.limits());
		return Receipts.of(this.ingestion.ingest(alerts));
	}

}
