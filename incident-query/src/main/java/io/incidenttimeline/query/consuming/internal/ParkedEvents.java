package io.incidenttimeline.query.consuming.internal;

import java.time.Instant;
import java.util.Optional;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code parked_events} table: events that arrived before their predecessor, held
 * until the gap closes so that no projection ever sees an incident out of order.
 */
@Component
class ParkedEvents {

	private final JdbcClient jdbc;

	ParkedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether it was parked now (false when it already waited)
	 */
	boolean park(IncomingEvent event, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO parked_events (incident_id, sequence, wire, parked_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(event.incidentId().value(), event.sequence(), event.wire(), Timestamptz.of(now))
			.update() == 1;
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

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM parked_events").query(Long.class).single();
	}

}
