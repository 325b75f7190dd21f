package io.incidenttimeline.query.consuming;

import java.time.Instant;
import java.util.Optional;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.Timestamptz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code projection_progress} table: per incident, the last sequence number applied.
 * The consumer locks an incident's row for the length of its transaction; query resources
 * read it to say how fresh they are.
 */
@Component
public class ConsumerProgress {

	private final JdbcClient jdbc;

	ConsumerProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The incident's freshness, or the global one without a sequence when nothing about
	 * it has been applied.
	 */
	public Freshness of(IncidentId incident) {
		Freshness global = global();
		Optional<Long> sequence = this.jdbc.sql("SELECT last_sequence FROM projection_progress WHERE incident_id = ?")
			.param(incident.value())
			.query(Long.class)
			.optional();
		return new Freshness(sequence.orElse(0L), global.lastEventRecordedAt(), global.lastAppliedAt());
	}

	public Freshness global() {
		return this.jdbc
			.sql("SELECT max(last_recorded_at) AS recorded, max(last_applied_at) AS applied FROM projection_progress")
			.query((rs, row) -> new Freshness(null, Timestamptz.read(rs, "recorded"), Timestamptz.read(rs, "applied")))
			.single();
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

	void advance(IncidentId incident, long sequence, Instant recordedAt, Instant appliedAt) {
		this.jdbc.sql("""
				UPDATE projection_progress SET last_sequence = ?, last_recorded_at = ?, last_applied_at = ?
				WHERE incident_id = ?""")
			.params(sequence, Timestamptz.of(recordedAt), Timestamptz.of(appliedAt), incident.value())
			.update();
	}

}
