package io.incidenttimeline.command.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grouping key to open incident. The event handlers run in a subscribing processor,
 * inside the transaction that records a resolution or reopening, so a route never points
 * at an incident in the wrong state.
 */
@Component
@ProcessingGroup(AlertRoutes.PROCESSING_GROUP)
class AlertRoutes {

	static final String PROCESSING_GROUP = "alert-routes";

	private final JdbcTemplate jdbc;

	AlertRoutes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IncidentId> openIncident(String routeKey) {
		List<UUID> ids = this.jdbc.query("SELECT incident_id FROM alert_route WHERE route_key = ? AND open",
				(row, i) -> row.getObject(1, UUID.class), routeKey);
		return ids.stream().findFirst().map(IncidentId::new);
	}

	void open(String routeKey, IncidentId incidentId, Instant now) {
		this.jdbc.update("""
				INSERT INTO alert_route (route_key, incident_id, open, updated_at) VALUES (?, ?, TRUE, ?)
				ON CONFLICT (route_key) DO UPDATE SET incident_id = EXCLUDED.incident_id, open = TRUE,
				updated_at = EXCLUDED.updated_at""", routeKey, incidentId.value(), Timestamp.from(now));
	}

	@EventHandler
	void on(IncidentResolved event) {
		this.jdbc.update("UPDATE alert_route SET open = FALSE, updated_at = now() WHERE incident_id = ?",
				event.incidentId().value());
	}

	@EventHandler
	void on(IncidentReopened event) {
		this.jdbc.update("UPDATE alert_route SET open = TRUE, updated_at = now() WHERE incident_id = ?",
				event.incidentId().value());
	}

}
