package io.incidenttimeline.query.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.ConsumerProgress.IncidentProgress;
import io.incidenttimeline.query.consuming.EventHistory;
import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import io.incidenttimeline.query.jdbc.Jsonb;
import io.incidenttimeline.query.jdbc.ReadCache;
import io.incidenttimeline.query.jdbc.ReadCaches;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@code incidents} table. Reads add the consumer's progress of each incident (its
 * last applied sequence, unknown event types included, and the recorded time of that
 * event) from one consistent snapshot. A list's total is counted once per filter and kept
 * until the consumer or a rebuild commits a change (counting reads every matching
 * incident; the page itself is an index range).
 */
@Repository
class IncidentRepository {

	private static final String SAVE = """
			INSERT INTO incidents (id, title, severity, status, services, commander, roles, acknowledged_by,
			  acknowledged_at, mitigations, impact_started_at, impact_started_as_declared, declared_at, mitigated_at,
			  resolved_at)
			VALUES (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, severity = EXCLUDED.severity,
			  status = EXCLUDED.status, services = EXCLUDED.services, commander = EXCLUDED.commander,
			  roles = EXCLUDED.roles, acknowledged_by = EXCLUDED.acknowledged_by,
			  acknowledged_at = EXCLUDED.acknowledged_at, mitigations = EXCLUDED.mitigations,
			  impact_started_at = EXCLUDED.impact_started_at,
			  impact_started_as_declared = EXCLUDED.impact_started_as_declared, declared_at = EXCLUDED.declared_at,
			  mitigated_at = EXCLUDED.mitigated_at, resolved_at = EXCLUDED.resolved_at""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ConsumerProgress progress;

	private final EventHistory history;

	private final ReadCache<Count, Long> totals;

	IncidentRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ConsumerProgress progress, EventHistory history,
			ReadCaches caches) {
		this.jdbc = jdbc;
		this.totals = caches.create();
		this.jdbcTemplate = jdbcTemplate;
		this.progress = progress;
		this.history = history;
	}

	Optional<Incident> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM incidents WHERE id = ?")
			.param(id)
			.query((rs, row) -> incident(rs))
			.optional();
	}

	/**
	 * The rows of those of these incidents that have one.
	 */
	List<Incident> findAll(Collection<UUID> ids) {
		return this.jdbc.sql("SELECT * FROM incidents WHERE id = ANY (?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, row) -> incident(rs))
			.list();
	}

	/**
	 * {@link #save} for many incidents in one JDBC batch.
	 */
	void saveAll(List<Incident> incidents) {
		this.jdbcTemplate.batchUpdate(SAVE, incidents.stream().map(IncidentRepository::row).toList());
	}

	private static Object[] row(Incident incident) {
		return new Object[] { incident.id(), incident.title(), incident.severity(), incident.status(),
				Jsonb.of(incident.services()), incident.commander(), Jsonb.of(incident.roles()),
				incident.acknowledgedBy(), Timestamptz.of(incident.acknowledgedAt()), Jsonb.of(incident.mitigations()),
				Timestamptz.of(incident.impactStartedAt()), Timestamptz.of(incident.impactStartedAtAsDeclared()),
				Timestamptz.of(incident.declaredAt()), Timestamptz.of(incident.mitigatedAt()),
				Timestamptz.of(incident.resolvedAt()) };
	}

	void save(Incident incident) {
		this.jdbc.sql(SAVE).params(row(incident)).update();
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<Applied> findApplied(IncidentId id) {
		return find(id.value())
			.flatMap((incident) -> this.progress.progressOf(id).map((progress) -> Applied.of(incident, progress)));
	}

	/**
	 * The incident as this service knew it at {@code asOf}: its events recorded by then,
	 * folded exactly as the projection folded them.
	 */
	Optional<Applied> findAsOf(IncidentId id, Instant asOf) {
		List<EventEnvelope> known = this.history.recordedBy(id, asOf);
		return Incident.EVENTS.fold(known).map((incident) -> {
			EventEnvelope last = known.get(known.size() - 1);
			return new Applied(incident, last.sequence(), last.recordedAt());
		});
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Page search(IncidentFilter filter) {
		StringBuilder where = new StringBuilder("WHERE true");
		List<Object> params = new ArrayList<>();
		if (filter.open() != null) {
			where.append(filter.open() ? " AND status <> 'resolved'" : " AND status = 'resolved'");
		}
		if (filter.severity() != null) {
			where.append(" AND severity = ?");
			params.add(filter.severity().label());
		}
		if (filter.service() != null) {
			where.append(" AND services @> jsonb_build_array(?::text)");
			params.add(filter.service());
		}
		if (filter.from() != null) {
			where.append(" AND declared_at >= ?");
			params.add(Timestamptz.of(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND declared_at < ?");
			params.add(Timestamptz.of(filter.to()));
		}
		long total = this.totals.get(new Count(where.toString(), params),
				(count) -> this.jdbc.sql("SELECT count(*) FROM incidents " + count.where())
					.params(count.params())
					.query(Long.class)
					.single());
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(filter.size());
		pageParams.add((long) filter.page() * filter.size());
		List<Incident> incidents = this.jdbc
			.sql("SELECT * FROM incidents " + where + " ORDER BY declared_at DESC, id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, row) -> incident(rs))
			.list();
		Map<IncidentId, IncidentProgress> progress = this.progress
			.progressOf(incidents.stream().map((incident) -> new IncidentId(incident.id())).toList());
		List<Applied> items = incidents.stream()
			.flatMap((incident) -> Optional.ofNullable(progress.get(new IncidentId(incident.id())))
				.map((applied) -> Applied.of(incident, applied))
				.stream())
			.toList();
		return new Page(items, total);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(EventsApplied applied) {
		this.totals.committing(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(EventsApplied applied) {
		this.totals.committed(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(ProjectionRebuilt rebuilt) {
		this.totals.committing(rebuilt);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(ProjectionRebuilt rebuilt) {
		this.totals.committed(rebuilt);
	}

	private static Incident incident(ResultSet rs) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("severity"),
				rs.getString("status"), Jsonb.read(rs.getString("services"), new TypeReference<List<String>>() {
				}), rs.getString("commander"),
				Jsonb.read(rs.getString("roles"), new TypeReference<Map<String, String>>() {
				}), rs.getString("acknowledged_by"), Timestamptz.read(rs, "acknowledged_at"),
				Jsonb.read(rs.getString("mitigations"), new TypeReference<List<Incident.Mitigation>>() {
				}), Timestamptz.read(rs, "impact_started_at"), Timestamptz.read(rs, "impact_started_as_declared"),
				Timestamptz.read(rs, "declared_at"), Timestamptz.read(rs, "mitigated_at"),
				Timestamptz.read(rs, "resolved_at"));
	}

	/**
	 * An incident with the consumer's progress on it: the last applied sequence (unknown
	 * event types included) and when the write side recorded that event.
	 */
	record Applied(Incident incident, long lastSequence, Instant updatedAt) {

		static Applied of(Incident incident, IncidentProgress progress) {
			return new Applied(incident, progress.lastSequence(), progress.lastRecordedAt());
		}

	}

	record Page(List<Applied> items, long total) {
	}

	private record Count(String where, List<Object> params) {

		Count {
			params = List.copyOf(params);
		}

	}

}
