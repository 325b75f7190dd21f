package io.incidenttimeline.query.consuming.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.Freshness;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code projection_progress} table: per incident, the last sequence number applied.
 * The consumer locks an incident's row for the length of its transaction.
 */
@Component
class ProgressTable implements ConsumerProgress {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ProgressTable(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	@Override
	public Freshness of(IncidentId incident) {
		Freshness global = global();
		long sequence = progressOf(incident).map(IncidentProgress::lastSequence).orElse(0L);
		return new Freshness(sequence, global.lastEventRecordedAt(), global.lastAppliedAt());
	}

	@Override
	public Freshness global() {
		return this.jdbc
			.sql("SELECT max(last_recorded_at) AS recorded, max(last_applied_at) AS applied FROM projection_progress")
			.query((rs, row) -> new Freshness(null, Timestamptz.read(rs, "recorded"), Timestamptz.read(rs, "applied")))
			.single();
	}

	@Override
	public Optional<IncidentProgress> progressOf(IncidentId incident) {
		return this.jdbc.sql("SELECT last_sequence, last_recorded_at FROM projection_progress WHERE incident_id = ?")
			.param(incident.value())
			.query((rs, row) -> new IncidentProgress(rs.getLong("last_sequence"),
					Timestamptz.read(rs, "last_recorded_at")))
			.optional();
	}

	@Override
	public Map<IncidentId, IncidentProgress> progressOf(Collection<IncidentId> incidents) {
		if (incidents.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT incident_id, last_sequence, last_recorded_at FROM projection_progress
				WHERE incident_id = ANY (?)""")
			.param(incidents.stream().map(IncidentId::value).toArray(UUID[]::new))
			.query((rs, row) -> Map.entry(new IncidentId(rs.getObject("incident_id", UUID.class)),
					new IncidentProgress(rs.getLong("last_sequence"), Timestamptz.read(rs, "last_recorded_at"))))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Creates the incident's row if needed, locks it until the transaction ends and
	 * answers its last applied sequence (0 before the first).
	 */
	long lockAndRead(IncidentId incident) {
		this.jdbc
			.sql("INSERT INTO projection_progress (incident_id, last_sequence) VALUES (?, 0) ON CONFLICT DO NOTHING")
			.param(incident.value())
			.update();
		return this.jdbc.sql("SELECT last_sequence FROM projection_progress WHERE incident_id = ? FOR UPDATE")
			.param(incident.value())
			.query(Long.class)
			.single();
	}

	/**
	 * {@link #lockAndRead} for many incidents in two statements, locking their rows in
	 * the order of their ids, as every other consumer does, so that two consumers that
	 * share incidents (during a rebalance) cannot deadlock.
	 * @return each incident's last applied sequence
	 */
	Map<IncidentId, Long> lockAndReadAll(Collection<IncidentId> incidents) {
		UUID[] ids = incidents.stream().map(IncidentId::value).sorted().toArray(UUID[]::new);
		this.jdbc.sql("""
				INSERT INTO projection_progress (incident_id, last_sequence)
				SELECT id, 0 FROM unnest(?::uuid[]) AS id ORDER BY id ON CONFLICT DO NOTHING""").param(ids).update();
		Map<IncidentId, Long> last = new HashMap<>();
		this.jdbc.sql("""
				SELECT incident_id, last_sequence FROM projection_progress WHERE incident_id = ANY (?)
				ORDER BY incident_id FOR UPDATE""")
			.param(ids)
			.query((rs, row) -> last.put(new IncidentId(rs.getObject("incident_id", UUID.class)),
					rs.getLong("last_sequence")))
			.list();
		return last;
	}

	/**
	 * {@link #advance} for many incidents in one JDBC batch.
	 */
	void advanceAll(List<Advance> advances, Instant appliedAt) {
		if (advances.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				UPDATE projection_progress SET last_sequence = ?, last_recorded_at = ?, last_applied_at = ?
				WHERE incident_id = ?""", advances, advances.size(), (ps, advance) -> {
			ps.setLong(1, advance.sequence());
			ps.setObject(2, Timestamptz.of(advance.recordedAt()));
			ps.setObject(3, Timestamptz.of(appliedAt));
			ps.setObject(4, advance.incident().value());
		});
	}

	void advance(IncidentId incident, long sequence, Instant recordedAt, Instant appliedAt) {
		this.jdbc.sql("""
				UPDATE projection_progress SET last_sequence = ?, last_recorded_at = ?, last_applied_at = ?
				WHERE incident_id = ?""")
			.params(sequence, Timestamptz.of(recordedAt), Timestamptz.of(appliedAt), incident.value())
			.update();
	}

	/**
	 * An incident applied through {@code sequence}, recorded at {@code recordedAt}.
	 */
	record Advance(IncidentId incident, long sequence, Instant recordedAt) {
	}

	/**
	 * Takes the whole table for a rebuild: the consumer waits until it commits.
	 */
	void lockAll() {
		this.jdbc.sql("LOCK TABLE projection_progress IN EXCLUSIVE MODE").update();
	}

}
