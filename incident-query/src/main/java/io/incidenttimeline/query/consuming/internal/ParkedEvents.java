package io.incidenttimeline.query.consuming.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Text;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code parked_events} table: events held back so that no projection ever sees an
 * incident out of order. An event is parked because it arrived before its predecessor
 * ({@link Kind#WAITING}, applied as soon as the gap closes), or because applying it
 * failed deterministically ({@link Kind#FAILED}, applied when an operator retries it);
 * either way its incident's later events park behind it while every other incident goes
 * on.
 */
@Component
class ParkedEvents {

	private static final int REASON_LENGTH = 2000;

	private final JdbcClient jdbc;

	ParkedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Parks an event that arrived while its incident was applied up to {@code last}.
	 * @return whether it was parked now (false when it already waited)
	 */
	boolean parkWaiting(IncomingEvent event, long last, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO parked_events (incident_id, sequence, wire, parked_at, kind, reason)
				VALUES (?, ?, ?, ?, 'waiting-for-predecessor', ?)
				ON CONFLICT DO NOTHING""")
			.params(event.incidentId().value(), event.sequence(), event.wire(), Timestamptz.of(now),
					"arrived before sequence " + (last + 1) + " (applied up to " + last + ")")
			.update() == 1;
	}

	/**
	 * Parks an event whose application failed, or says why again when it already waits.
	 */
	void parkFailed(IncomingEvent event, String reason, Instant now) {
		this.jdbc.sql("""
				INSERT INTO parked_events (incident_id, sequence, wire, parked_at, kind, reason)
				VALUES (?, ?, ?, ?, 'failed', ?)
				ON CONFLICT (incident_id, sequence) DO UPDATE SET kind = 'failed', reason = EXCLUDED.reason""")
			.params(event.incidentId().value(), event.sequence(), event.wire(), Timestamptz.of(now), shorten(reason))
			.update();
	}

	/**
	 * Records why a parked event failed once more.
	 */
	void failedAgain(IncidentId incident, long sequence, String reason) {
		this.jdbc.sql("""
				UPDATE parked_events SET kind = 'failed', reason = ?
				WHERE incident_id = ? AND sequence = ?""").params(shorten(reason), incident.value(), sequence).update();
	}

	/**
	 * The sequence numbers parked for each of these incidents that has any.
	 */
	Map<IncidentId, Set<Long>> sequencesOf(Collection<IncidentId> incidents) {
		Map<IncidentId, Set<Long>> parked = new HashMap<>();
		this.jdbc.sql("SELECT incident_id, sequence FROM parked_events WHERE incident_id = ANY (?)")
			.param(incidents.stream().map(IncidentId::value).toArray(UUID[]::new))
			.query((rs, row) -> parked
				.computeIfAbsent(new IncidentId(rs.getObject("incident_id", UUID.class)), (id) -> new HashSet<>())
				.add(rs.getLong("sequence")))
			.list();
		return parked;
	}

	/**
	 * Removes and answers the parked event with that sequence number, if any.
	 */
	Optional<byte[]> take(IncidentId incident, long sequence) {
		return this.jdbc.sql("DELETE FROM parked_events WHERE incident_id = ? AND sequence = ? RETURNING wire")
			.params(incident.value(), sequence)
			.query((rs, row) -> rs.getBytes("wire"))
			.optional();
	}

	/**
	 * The parked events of one incident, in sequence order.
	 */
	List<Parked> of(IncidentId incident) {
		return this.jdbc.sql("""
				SELECT incident_id, sequence, kind, reason, parked_at FROM parked_events
				WHERE incident_id = ? ORDER BY sequence""")
			.param(incident.value())
			.query((rs, row) -> parked(rs))
			.list();
	}

	/**
	 * At most {@code limit} parked events, the failed ones first, then the longest
	 * parked.
	 */
	List<Parked> list(int limit) {
		return this.jdbc.sql("""
				SELECT incident_id, sequence, kind, reason, parked_at FROM parked_events
				ORDER BY kind = 'failed' DESC, parked_at, incident_id, sequence LIMIT ?""")
			.param(limit)
			.query((rs, row) -> parked(rs))
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM parked_events").query(Long.class).single();
	}

	long countFailed() {
		return this.jdbc.sql("SELECT count(*) FROM parked_events WHERE kind = 'failed'").query(Long.class).single();
	}

	private static Parked parked(ResultSet rs) throws SQLException {
		return new Parked(rs.getObject("incident_id", UUID.class), rs.getLong("sequence"),
				Kind.of(rs.getString("kind")), rs.getString("reason"), Timestamptz.read(rs, "parked_at"));
	}

	private static String shorten(String reason) {
		return Text.shorten(SafeText.of(reason), REASON_LENGTH);
	}

	/**
	 * Why an event is parked.
	 */
	enum Kind {

		/** It arrived before its predecessor. */
		WAITING("waiting-for-predecessor"),

		/** Applying it failed after its retries. */
		FAILED("failed");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

		static Kind of(String label) {
			return FAILED.label.equals(label) ? FAILED : WAITING;
		}

	}

	/**
	 * One parked event.
	 */
	record Parked(UUID incidentId, long sequence, Kind kind, String reason, Instant parkedAt) {
	}

}
