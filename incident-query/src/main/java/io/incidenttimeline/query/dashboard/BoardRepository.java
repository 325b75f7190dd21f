package io.incidenttimeline.query.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code dashboard_incidents} table.
 */
@Component
class BoardRepository {

	private static final String SAVE = """
			INSERT INTO dashboard_incidents (incident_id, title, severity, status, commander, declared_at,
			  last_public_update_at, last_event_at, last_sequence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (incident_id) DO UPDATE SET title = EXCLUDED.title, severity = EXCLUDED.severity,
			  status = EXCLUDED.status, commander = EXCLUDED.commander, declared_at = EXCLUDED.declared_at,
			  last_public_update_at = EXCLUDED.last_public_update_at, last_event_at = EXCLUDED.last_event_at,
			  last_sequence = EXCLUDED.last_sequence""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	BoardRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<BoardIncident> find(UUID incident) {
		return this.jdbc.sql("SELECT * FROM dashboard_incidents WHERE incident_id = ?")
			.param(incident)
			.query((rs, row) -> incident(rs))
			.optional();
	}

	/**
	 * The rows of those of these incidents that have one.
	 */
	List<BoardIncident> findAll(Collection<UUID> incidents) {
		return this.jdbc.sql("SELECT * FROM dashboard_incidents WHERE incident_id = ANY (?)")
			.param(incidents.toArray(UUID[]::new))
			.query((rs, row) -> incident(rs))
			.list();
	}

	void save(BoardIncident incident) {
		this.jdbc.sql(SAVE).params(row(incident)).update();
	}

	/**
	 * {@link #save} for many incidents in one JDBC batch.
	 */
	void saveAll(List<BoardIncident> incidents) {
		this.jdbcTemplate.batchUpdate(SAVE, incidents.stream().map(BoardRepository::row).toList());
	}

	private static Object[] row(BoardIncident incident) {
		return new Object[] { incident.incidentId(), incident.title(), incident.severity().label(),
				incident.status().name().toLowerCase(Locale.ROOT), incident.commander(),
				Timestamptz.of(incident.declaredAt()), Timestamptz.of(incident.lastPublicUpdateAt()),
				Timestamptz.of(incident.lastEventAt()), incident.lastSequence() };
	}

	/**
	 * Open incidents, most severe first, then oldest declaration first.
	 */
	List<BoardIncident> open() {
		return this.jdbc.sql("""
				SELECT * FROM dashboard_incidents WHERE status <> 'resolved'
				ORDER BY severity, declared_at, incident_id""").query((rs, row) -> incident(rs)).list();
	}

	private static BoardIncident incident(ResultSet rs) throws SQLException {
		return new BoardIncident(rs.getObject("incident_id", UUID.class), rs.getString("title"),
				Severity.fromLabel(rs.getString("severity")),
				IncidentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("commander"),
				Timestamptz.read(rs, "declared_at"), Timestamptz.read(rs, "last_public_update_at"),
				Timestamptz.read(rs, "last_event_at"), rs.getLong("last_sequence"));
	}

}
