package io.incidenttimeline.command.eventstore;

import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the event store can tell about its contents without handing out its tables.
 */
@Component
public class EventStoreStatistics {

	private final JdbcTemplate jdbc;

	private final Serializer tokenSerializer;

	EventStoreStatistics(JdbcTemplate jdbc, Serializer tokenSerializer) {
		this.jdbc = jdbc;
		this.tokenSerializer = tokenSerializer;
	}

	/**
	 * How many events are stored after the given global index (all of them for -1).
	 */
	public long eventsAfter(long globalIndex) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ?",
				Long.class, globalIndex);
		return (count != null) ? count : 0;
	}

	/**
	 * The lowest position any segment of the event processor has reached, whichever
	 * instance holds it (or none does): read from the token store every instance shares,
	 * so every instance answers the same. Empty while the processor has no segments yet;
	 * a segment without a position counts as -1 (nothing processed).
	 */
	public OptionalLong lowestPosition(String processorName) {
		List<Long> positions = this.jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
				(row, i) -> {
					byte[] token = row.getBytes("token");
					String type = row.getString("token_type");
					if (token == null || type == null) {
						return -1L;
					}
					TrackingToken tracking = this.tokenSerializer
						.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
					return (tracking != null) ? tracking.position().orElse(-1) : -1L;
				}, processorName);
		return positions.stream().mapToLong(Long::longValue).min();
	}

}
