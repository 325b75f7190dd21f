package io.incidenttimeline.query.statuspage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Jsonb;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status page tables. Every list is ordered down to a unique key, so the same rows
 * always give the same documents (a rebuild must not change a byte). Every insert is
 * idempotent: a row that exists already is left as it is.
 */
@Repository
class StatusPageRepository {

	private static final String SAVE = """
			INSERT INTO status_page_incidents (id, name, severity, status, components, created_at, started_at,
			  monitoring_at, resolved_at, updated_at, last_public_update_at)
			VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, severity = EXCLUDED.severity,
			  status = EXCLUDED.status, components = EXCLUDED.components, created_at = EXCLUDED.created_at,
			  started_at = EXCLUDED.started_at, monitoring_at = EXCLUDED.monitoring_at,
			  resolved_at = EXCLUDED.resolved_at, updated_at = EXCLUDED.updated_at,
			  last_public_update_at = EXCLUDED.last_public_update_at""";

	private static final String ADD_UPDATE = """
			INSERT INTO status_page_updates (id, incident_id, sequence, status, body, created_at, affected_components)
			VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
			ON CONFLICT (id) DO NOTHING""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	StatusPageRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The rows of those of these incidents that have one.
	 */
	List<PublicIncident> findAll(Collection<UUID> ids) {
		return this.jdbc.sql("SELECT * FROM status_page_incidents WHERE id = ANY (?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, row) -> incident(rs))
			.list();
	}

	/**
	 * {@link #save} for many incidents in one JDBC batch.
	 */
	void saveAll(List<PublicIncident> incidents) {
		this.jdbcTemplate.batchUpdate(SAVE, incidents.stream().map(StatusPageRepository::row).toList());
	}

	private static Object[] row(PublicIncident incident) {
		return new Object[] { incident.id(), incident.name(), incident.severity().label(), label(incident.status()),
				Jsonb.of(incident.components()), Timestamptz.of(incident.createdAt()),
				Timestamptz.of(incident.startedAt()), Timestamptz.of(incident.monitoringAt()),
				Timestamptz.of(incident.resolvedAt()), Timestamptz.of(incident.updatedAt()),
				Timestamptz.of(incident.lastPublicUpdateAt()) };
	}

	Optional<PublicIncident> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM status_page_incidents WHERE id = ?")
			.param(id)
			.query((rs, row) -> incident(rs))
			.optional();
	}

	void save(PublicIncident incident) {
		this.jdbc.sql(SAVE).params(row(incident)).update();
	}

	/**
	 * Adds these public updates in one JDBC batch.
	 */
	void addAll(List<PublicUpdate> updates) {
		if (!updates.isEmpty()) {
			this.jdbcTemplate.batchUpdate(ADD_UPDATE, updates.stream().map(StatusPageRepository::row).toList());
		}
	}

	private static Object[] row(PublicUpdate update) {
		List<Map<String, String>> affected = update.affectedComponents()
			.stream()
			.map((component) -> Map.of("name", component.name(), "old_status", component.oldStatus().wire(),
					"new_status", component.newStatus().wire()))
			.toList();
		return new Object[] { update.id(), update.incidentId(), update.sequence(), label(update.status()),
				update.body(), Timestamptz.of(update.createdAt()), Jsonb.of(affected) };
	}

	/**
	 * Opens and closes spans, each change of another incident: the openings in one JDBC
	 * batch, then the closings in another.
	 */
	void changeSpans(List<SpanChange> changes) {
		List<Object[]> opened = new ArrayList<>();
		List<Object[]> closed = new ArrayList<>();
		for (SpanChange change : changes) {
			if (change.change() instanceof StatusPageState.SpanChange.Opened opening) {
				for (String component : opening.components()) {
					opened.add(new Object[] { change.incident(), opening.sequence(), component,
							opening.severity().label(), Timestamptz.of(opening.from()) });
				}
			}
			else if (change.change() instanceof StatusPageState.SpanChange.Closed closing) {
				closed.add(new Object[] { Timestamptz.of(closing.at()), change.incident() });
			}
		}
		if (!opened.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO status_page_impacts (incident_id, sequence, component, severity, from_at)
					VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (incident_id, sequence, component) DO NOTHING""", opened);
		}
		if (!closed.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					UPDATE status_page_impacts SET to_at = greatest(from_at, ?)
					WHERE incident_id = ? AND to_at IS NULL""", closed);
		}
	}

	List<PublicIncident> open() {
		return this.jdbc
			.sql("SELECT * FROM status_page_incidents WHERE status <> 'resolved' ORDER BY created_at DESC, id")
			.query((rs, row) -> incident(rs))
			.list();
	}

	List<PublicIncident> recent(int limit) {
		return this.jdbc.sql("SELECT * FROM status_page_incidents ORDER BY created_at DESC, id LIMIT ?")
			.param(limit)
			.query((rs, row) -> incident(rs))
			.list();
	}

	/**
	 * The public updates of these incidents, newest first as Statuspage lists them.
	 */
	Map<UUID, List<PublicUpdate>> updatesOf(Collection<UUID> incidents) {
		Map<UUID, List<PublicUpdate>> updates = new LinkedHashMap<>();
		incidents.forEach((id) -> updates.put(id, new ArrayList<>()));
		if (incidents.isEmpty()) {
			return updates;
		}
		this.jdbc
			.sql("SELECT * FROM status_page_updates WHERE incident_id = ANY (?) ORDER BY incident_id, sequence DESC")
			.param(incidents.toArray(UUID[]::new))
			.query((rs, row) -> update(rs))
			.list()
			.forEach((update) -> updates.get(update.incidentId()).add(update));
		return updates;
	}

	/**
	 * Every component any incident has named, by name, with when it first appeared and
	 * when an incident last started, changed or stopped affecting it.
	 */
	List<ComponentRow> components() {
		return this.jdbc
			.sql("""
					SELECT component, min(from_at) AS created_at, max(greatest(from_at, coalesce(to_at, from_at))) AS updated_at
					FROM status_page_impacts GROUP BY component ORDER BY component""")
			.query((rs, row) -> new ComponentRow(rs.getString("component"), Timestamptz.read(rs, "created_at"),
					Timestamptz.read(rs, "updated_at")))
			.list();
	}

	/**
	 * The spans still going on or ended since {@code since}.
	 */
	List<ImpactSpan> spansSince(Instant since) {
		return this.jdbc.sql("""
				SELECT * FROM status_page_impacts WHERE to_at IS NULL OR to_at >= ?
				ORDER BY component, from_at, incident_id, sequence""")
			.param(Timestamptz.of(since))
			.query((rs, row) -> new ImpactSpan(rs.getString("component"), Severity.fromLabel(rs.getString("severity")),
					Timestamptz.read(rs, "from_at"), Timestamptz.read(rs, "to_at")))
			.list();
	}

	Optional<Instant> lastChange() {
		return this.jdbc.sql("SELECT max(updated_at) FROM status_page_incidents")
			.query((rs, row) -> Optional.ofNullable(Timestamptz.read(rs, "max")))
			.single();
	}

	private static PublicIncident incident(ResultSet rs) throws SQLException {
		return new PublicIncident(rs.getObject("id", UUID.class), rs.getString("name"),
				Severity.fromLabel(rs.getString("severity")), status(rs.getString("status")),
				Jsonb.read(rs.getString("components"), new TypeReference<List<String>>() {
				}), Timestamptz.read(rs, "created_at"), Timestamptz.read(rs, "started_at"),
				Timestamptz.read(rs, "monitoring_at"), Timestamptz.read(rs, "resolved_at"),
				Timestamptz.read(rs, "updated_at"), Timestamptz.read(rs, "last_public_update_at"));
	}

	private static PublicUpdate update(ResultSet rs) throws SQLException {
		List<PublicUpdate.AffectedComponent> affected = Jsonb
			.read(rs.getString("affected_components"), new TypeReference<List<Map<String, String>>>() {
			})
			.stream()
			.map((component) -> new PublicUpdate.AffectedComponent(component.get("name"),
					ComponentStatus.fromWire(component.get("old_status")),
					ComponentStatus.fromWire(component.get("new_status"))))
			.toList();
		return new PublicUpdate(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
				rs.getLong("sequence"), status(rs.getString("status")), rs.getString("body"),
				Timestamptz.read(rs, "created_at"), affected);
	}

	private static String label(IncidentStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	private static IncidentStatus status(String label) {
		return IncidentStatus.valueOf(label.toUpperCase(Locale.ROOT));
	}

	/**
	 * A change to one incident's spans.
	 */
	record SpanChange(UUID incident, StatusPageState.SpanChange change) {
	}

	record ComponentRow(String name, Instant createdAt, Instant updatedAt) {
	}

}
