package io.incidenttimeline.command.alerts.alertmanager;

import java.util.List;

import io.incidenttimeline.command.alerts.Alert;
import io.incidenttimeline.command.alerts.AlertIngestion;
import io.incidenttimeline.command.alerts.AlertProperties;
import io.incidenttimeline.command.alerts.Credentials;
import io.incidenttimeline.command.alerts.Json;
import io.incidenttimeline.command.alerts.Receipts;
import io.incidenttimeline.command.alerts.Unauthorized;
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

	private final AlertmanagerProperties credentials;

	private final AlertProperties.Limits limits;

	private final JsonMapper json;

	AlertmanagerWebhook(AlertIngestion ingestion, AlertmanagerProperties credentials, AlertProperties properties,
			JsonMapper json) {
		this.ingestion = ingestion;
		this.credentials = credentials;
		this.limits = properties.limits();
		this.json = json;
	}

	@PostMapping(path = "/api/alerts/alertmanager", produces = MediaType.APPLICATION_JSON_VALUE)
	Receipts receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		if (!Credentials.bearer(authorization, this.credentials.bearerToken())
				&& !Credentials.basic(authorization, this.credentials.username(), this.credentials.password())) {
			throw new Unauthorized("Bearer realm=\"alertmanager\", Basic realm=\"alertmanager\"",
					"a valid bearer token or basic auth for Alertmanager is required");
		}
		List<Alert> alerts = AlertmanagerPayload.read(Json.parse(this.json, body), INTEGRATION, "4", this.limits);
		return Receipts.of(this.ingestion.ingest(alerts));
	}

}
