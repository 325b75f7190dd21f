package io.incidenttimeline.query.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.query.Jsonb;
import io.incidenttimeline.query.Timestamptz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code incidents} table; reads join the consumer's progress for each incident's
 * last applied sequence and the recorded time of that event.
 */
@Repository
class IncidentRepository {

	private static final String SELECT = """
			SELECT i.*, p.last_sequence, p.last_recorded_at
			FROM incidents i JOIN projection_progress p ON p.incident_id = i.id
			""";

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Incident> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM incidents WHERE id = ?")
			.param(id)
			.query((rs, row) -> incident(rs))
			.optional();
	}

	void save(Incident incident) {
		this.jdbc.sql("""
				INSERT INTO incidents (id, title, severity, status, services, commander, roles, acknowledged_by,
				  acknowledged_at, mitigations, impact_started_at, declared_at, mitigated_at, resolved_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, severity = EXCLUDED.severity,
				  status = EXCLUDED.status, services = EXCLUDED.services, commander = EXCLUDED.commander,
				  roles = EXCLUDED.roles, acknowledged_by = EXCLUDED.acknowledged_by,
				  acknowledged_at = EXCLUDED.acknowledged_at, mitigations = EXCLUDED.mitigations,
				  impact_started_at = EXCLUDED.impact_started_at, declared_at = EXCLUDED.declared_at,
				  mitigated_at = EXCLUDED.mitigated_at, resolved_at = EXCLUDED.resolved_at""")
			.params(incident.id(), incident.title(), incident.severity(), incident.status(),
					Jsonb.of(incident.services()), incident.commander(), Jsonb.of(incident.roles()),
					incident.acknowledgedBy(), Timestamptz.of(incident.acknowledgedAt()),
					Jsonb.of(incident.mitigations()), Timestamptz.of(incident.impactStartedAt()),
					Timestamptz.of(incident.declaredAt()), Timestamptz.of(incident.mitigatedAt()),
					Timestamptz.of(incident.resolvedAt()))
			.update();
	}

	Optional<Applied> findApplied(UUID id) {
		return this.jdbc.sql(SELECT + "WHERE i.id = ?").param(id).query((rs, row) -> applied(rs)).optional();
	}

	/**
	 * The incident as this service knew it at {@code asOf}: its events recorded by then,
	 * folded from the stored wire records exactly as the projection folded them.
	 */
	Optional<Applied> findAsOf(UUID id, Instant asOf) {
		List<EventEnvelope> known = this.jdbc.sql("""
				SELECT wire FROM incident_events
				WHERE incident_id = ? AND known AND recorded_at <= ? ORDER BY sequence""")
			.params(id, Timestamptz.of(asOf))
			.query((rs, row) -> IncidentEventCodec.decode(rs.getBytes("wire")))
			.list();
		if (known.isEmpty() || !(known.get(0).payload() instanceof IncidentDeclared declared)) {
			return Optional.empty();
		}
		Incident incident = Incident.declared(known.get(0), declared);
		for (EventEnvelope event : known.subList(1, known.size())) {
			incident = incident.on(event);
		}
		EventEnvelope last = known.get(known.size() - 1);
		return Optional.of(new Applied(incident, last.sequence(), last.recordedAt()));
	}

	Page search(IncidentFilter filter) {
		StringBuilder where = new StringBuilder("WHERE true");
		List<Object> params = new ArrayList<>();
		if (filter.open() != null) {
			where.append(filter.open() ? " AND i.status <> 'resolved'" : " AND i.status = 'resolved'");
		}
		if (filter.severity() != null) {
			where.append(" AND i.severity = ?");
			params.add(filter.severity().label());
		}
		if (filter.service() != null) {
			where.append(" AND i.services @> jsonb_build_array(?::text)");
			params.add(filter.service());
		}
		if (filter.from() != null) {
			where.append(" AND i.declared_at >= ?");
			params.add(Timestamptz.of(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND i.declared_at < ?");
			params.add(Timestamptz.of(filter.to()));
		}
		long total = this.jdbc.sql("SELECT count(*) FROM incidents i " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(filter.size());
		pageParams.add((long) filter.page() * filter.size());
		List<Applied> items = this.jdbc.sql(SELECT + where + " ORDER BY i.declared_at DESC, i.id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, row) -> applied(rs))
			.list();
		return new Page(items, total);
	}

	private static Applied applied(ResultSet rs) throws SQLException {
		return new Applied(incident(rs), rs.getLong("last_sequence"), Timestamptz.read(rs, "last_recorded_at"));
	}

	private static Incident incident(ResultSet rs) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("severity"),
				rs.getString("status"), Jsonb.read(rs.getString("services"), new TypeReference<List<String>>() {
				}), rs.getString("commander"),
				Jsonb.read(rs.getString("roles"), new TypeReference<Map<String, String>>() {
				}), rs.getString("acknowledged_by"), Timestamptz.read(rs, "acknowledged_at"),
				Jsonb.read(rs.getString("mitigations"), new TypeReference<List<Incident.Mitigation>>() {
				}), Timestamptz.read(rs, "impact_started_at"), Timestamptz.read(rs, "declared_at"),
				Timestamptz.read(rs, "mitigated_at"), Timestamptz.read(rs, "resolved_at"));
	}

	/**
	 * An incident with the consumer's progress on it: the last applied sequence (unknown
	 * event types included) and when the write side recorded that event.
	 */
	record Applied(Incident incident, long lastSequence, Instant updatedAt) {
	}

	record Page(List<Applied> items, long total) {
	}

}
