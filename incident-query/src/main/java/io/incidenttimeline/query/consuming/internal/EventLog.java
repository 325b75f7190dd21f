package io.incidenttimeline.query.consuming.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.EventHistory;
import io.incidenttimeline.query.consuming.StoredEvent;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code incident_events} table: every applied event as it came over the wire plus
 * its envelope fields. It is the source of the timeline, of questions about the past and
 * of projection rebuilds. The stored fields and every envelope read back carry
 * {@link SafeText safe} text, the {@code wire} column the bytes as received.
 */
@Component
class EventLog implements EventHistory {

	private static final String INSERT = """
			INSERT INTO incident_events (incident_id, sequence, event_id, type, schema_version, occurred_at,
			  recorded_at, actor, actor_name, source, known, payload, wire, applied_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
			ON CONFLICT (incident_id, sequence) DO NOTHING""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	EventLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	void append(IncomingEvent event, Instant appliedAt) {
		this.jdbc.sql(INSERT).params(row(event, appliedAt)).update();
	}

	/**
	 * {@link #append} for many events in one JDBC batch.
	 */
	void appendAll(List<IncomingEvent> events, Instant appliedAt) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate(INSERT, events.stream().map((event) -> row(event, appliedAt)).toList());
	}

	private static Object[] row(IncomingEvent event, Instant appliedAt) {
		if (event instanceof IncomingEvent.Unknown unknown) {
			return new Object[] { unknown.incidentId().value(), unknown.sequence(), unknown.eventId(),
					unknown.typeName(), unknown.schemaVersion(), Timestamptz.of(unknown.occurredAt()),
					Timestamptz.of(unknown.recordedAt()), unknown.actor(), unknown.actorName(), unknown.source(), false,
					(unknown.data() != null) ? unknown.data().toString() : null, unknown.wire(),
					Timestamptz.of(appliedAt) };
		}
		EventEnvelope envelope = ((IncomingEvent.Known) event).envelope();
		return new Object[] { envelope.incidentId().value(), envelope.sequence(), envelope.eventId(),
				envelope.type().name(), envelope.schemaVersion(), Timestamptz.of(envelope.occurredAt()),
				Timestamptz.of(envelope.recordedAt()), envelope.actor(), envelope.actorName(), envelope.source(), true,
				new String(IncidentEventCodec.payloadJson(envelope.payload()), StandardCharsets.UTF_8), event.wire(),
				Timestamptz.of(appliedAt) };
	}

	@Override
	public List<StoredEvent> of(IncidentId incident) {
		return this.jdbc.sql("""
				SELECT sequence, event_id, type, schema_version, occurred_at, recorded_at, actor, actor_name, source,
				  known, payload, wire
				FROM incident_events WHERE incident_id = ? ORDER BY sequence""")
			.param(incident.value())
			.query((rs, row) -> stored(rs))
			.list();
	}

	@Override
	public List<EventEnvelope> recordedBy(IncidentId incident, Instant instant) {
		return known(incident, "recorded_at <= ?", Timestamptz.of(instant));
	}

	@Override
	public List<EventEnvelope> through(IncidentId incident, long sequence) {
		return known(incident, "sequence <= ?", sequence);
	}

	@Override
	public Map<IncidentId, List<EventEnvelope>> through(Map<IncidentId, Long> sequences) {
		Map<IncidentId, List<EventEnvelope>> events = new LinkedHashMap<>();
		if (sequences.isEmpty()) {
			return events;
		}
		List<Map.Entry<IncidentId, Long>> bounds = List.copyOf(sequences.entrySet());
		this.jdbc.sql("""
				SELECT e.incident_id, e.wire FROM incident_events e
				JOIN unnest(?::uuid[], ?::bigint[]) AS bound (incident_id, sequence)
				  ON e.incident_id = bound.incident_id AND e.sequence <= bound.sequence
				WHERE e.known ORDER BY e.incident_id, e.sequence""")
			.params(bounds.stream().map((bound) -> bound.getKey().value()).toArray(UUID[]::new),
					bounds.stream().map(Map.Entry::getValue).toArray(Long[]::new))
			.query((rs, row) -> events
				.computeIfAbsent(new IncidentId(rs.getObject("incident_id", UUID.class)), (id) -> new ArrayList<>())
				.add(IncomingEvent.envelope(rs.getBytes("wire"))))
			.list();
		return events;
	}

	private List<EventEnvelope> known(IncidentId incident, String bound, Object limit) {
		return this.jdbc
			.sql("SELECT wire FROM incident_events WHERE incident_id = ? AND known AND " + bound + " ORDER BY sequence")
			.params(incident.value(), limit)
			.query((rs, row) -> IncomingEvent.envelope(rs.getBytes("wire")))
			.list();
	}

	/**
	 * The next stored wire records after (incident, sequence) in (incident, sequence)
	 * order: a page of a replay.
	 */
	List<Stored> after(UUID incident, long sequence, int limit) {
		return this.jdbc.sql("""
				SELECT incident_id, sequence, wire FROM incident_events
				WHERE (incident_id, sequence) > (?, ?) ORDER BY incident_id, sequence LIMIT ?""")
			.params(incident, sequence, limit)
			.query((rs, row) -> new Stored(rs.getObject("incident_id", UUID.class), rs.getLong("sequence"),
					rs.getBytes("wire")))
			.list();
	}

	private static StoredEvent stored(ResultSet rs) throws SQLException {
		EventEnvelope envelope = rs.getBoolean("known") ? IncomingEvent.envelope(rs.getBytes("wire")) : null;
		return new StoredEvent(rs.getLong("sequence"), rs.getObject("event_id", UUID.class), rs.getString("type"),
				rs.getInt("schema_version"), Timestamptz.read(rs, "occurred_at"), Timestamptz.read(rs, "recorded_at"),
				rs.getString("actor"), (envelope != null) ? envelope.actorName() : rs.getString("actor_name"),
				rs.getString("source"), envelope, rs.getString("payload"));
	}

	record Stored(UUID incidentId, long sequence, byte[] wire) {
	}

}
