package io.incidenttimeline.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the event store can tell about its contents without handing out its tables.
 */
@Component
public class EventStoreStatistics {

	private final JdbcTemplate jdbc;

	EventStoreStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many events are stored after the given global index (all of them for -1).
	 */
	public long eventsAfter(long globalIndex) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ?",
				Long.class, globalIndex);
		return (count != null) ? count : 0;
	}

}
