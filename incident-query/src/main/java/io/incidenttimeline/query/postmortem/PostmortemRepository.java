package io.incidenttimeline.query.postmortem;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Jsonb;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables {@code postmortems} and {@code postmortem_action_items}.
 */
@Component
class PostmortemRepository {

	private static final String SAVE = """
			INSERT INTO postmortems (incident_id, title, severity_reached, services, resolved_at, status,
			  published_at, state)
			VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)
			ON CONFLICT (incident_id) DO UPDATE SET title = EXCLUDED.title,
			  severity_reached = EXCLUDED.severity_reached, services = EXCLUDED.services,
			  resolved_at = EXCLUDED.resolved_at, status = EXCLUDED.status, published_at = EXCLUDED.published_at,
			  state = EXCLUDED.state""";

	private static final String ADD_ACTION_ITEM = """
			INSERT INTO postmortem_action_items (action_item_id, incident_id, position, title, owner, due_date,
			  type, priority, link, status, services)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
			ON CONFLICT (action_item_id) DO NOTHING""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	PostmortemRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<Postmortem> find(UUID incident) {
		return this.jdbc.sql("SELECT state FROM postmortems WHERE incident_id = ?")
			.param(incident)
			.query((rs, row) -> Jsonb.read(rs.getString("state"), new TypeReference<Postmortem>() {
			}))
			.optional();
	}

	/**
	 * The postmortems of those of these incidents that have one.
	 */
	List<Postmortem> findAll(Collection<UUID> incidents) {
		return this.jdbc.sql("SELECT state FROM postmortems WHERE incident_id = ANY (?)")
			.param(incidents.toArray(UUID[]::new))
			.query((rs, row) -> Jsonb.read(rs.getString("state"), new TypeReference<Postmortem>() {
			}))
			.list();
	}

	void save(Postmortem postmortem) {
		saveAll(List.of(postmortem));
	}

	/**
	 * Saves these postmortems, each of another incident, with three JDBC round trips: the
	 * rows in one batch, their action items deleted with one statement and written again
	 * in one batch.
	 */
	void saveAll(List<Postmortem> postmortems) {
		this.jdbcTemplate.batchUpdate(SAVE, postmortems.stream().map(PostmortemRepository::row).toList());
		this.jdbc.sql("DELETE FROM postmortem_action_items WHERE incident_id = ANY (?)")
			.param(postmortems.stream().map(Postmortem::incidentId).toArray(UUID[]::new))
			.update();
		List<Object[]> items = new ArrayList<>();
		for (Postmortem postmortem : postmortems) {
			int position = 0;
			for (Postmortem.ActionItem item : postmortem.actionItems()) {
				items.add(new Object[] { item.id(), postmortem.incidentId(), position++, item.title(), item.owner(),
						Date.valueOf(item.dueDate()), Labels.of(item.type()), item.priority().name(), item.link(),
						item.status(), Jsonb.of(postmortem.services()) });
			}
		}
		if (!items.isEmpty()) {
			this.jdbcTemplate.batchUpdate(ADD_ACTION_ITEM, items);
		}
	}

	private static Object[] row(Postmortem postmortem) {
		return new Object[] { postmortem.incidentId(), postmortem.title(), postmortem.severityReached().label(),
				Jsonb.of(postmortem.services()), Timestamptz.of(postmortem.resolvedAt()), postmortem.status(),
				Timestamptz.of(postmortem.publishedAt()), Jsonb.of(postmortem) };
	}

	/**
	 * Action items across incidents, by due date, then incident and position.
	 */
	List<ActionItemListing> actionItems(ActionItemFilter filter, LocalDate today) {
		StringBuilder sql = new StringBuilder("""
				SELECT i.*, p.title AS incident_title FROM postmortem_action_items i
				JOIN postmortems p ON p.incident_id = i.incident_id WHERE true""");
		List<Object> params = new ArrayList<>();
		if (filter.owner() != null) {
			sql.append(" AND i.owner = ?");
			params.add(filter.owner());
		}
		if (filter.status() != null) {
			sql.append(" AND i.status = ?");
			params.add(filter.status());
		}
		if (filter.itemType() != null) {
			sql.append(" AND i.type = ?");
			params.add(Labels.of(filter.itemType()));
		}
		if (filter.service() != null) {
			sql.append(" AND i.services @> jsonb_build_array(?::text)");
			params.add(filter.service());
		}
		if (filter.isOverdue() != null) {
			sql.append(filter.isOverdue() ? " AND (i.status = 'open' AND i.due_date < ?)"
					: " AND NOT (i.status = 'open' AND i.due_date < ?)");
			params.add(Date.valueOf(today));
		}
		sql.append(" ORDER BY i.due_date, i.incident_id, i.position");
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> listed(rs, today)).list();
	}

	/**
	 * The incidents whose highest severity is one of {@code severities}, resolved (not
	 * reopened) and not published: the postmortems they owe, oldest resolution first.
	 */
	List<Postmortem> owing(List<Severity> severities) {
		if (severities.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT state FROM postmortems WHERE resolved_at IS NOT NULL AND published_at IS NULL
				  AND severity_reached IN (:severities) ORDER BY resolved_at, incident_id""")
			.param("severities", severities.stream().map(Severity::label).toList())
			.query((rs, row) -> Jsonb.read(rs.getString("state"), new TypeReference<Postmortem>() {
			}))
			.list();
	}

	long countActionItems(String status) {
		return this.jdbc.sql("SELECT count(*) FROM postmortem_action_items WHERE status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

	long countOverdueActionItems(LocalDate today) {
		return this.jdbc.sql("SELECT count(*) FROM postmortem_action_items WHERE status = 'open' AND due_date < ?")
			.param(Date.valueOf(today))
			.query(Long.class)
			.single();
	}

	private static ActionItemListing listed(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate due = rs.getDate("due_date").toLocalDate();
		String status = rs.getString("status");
		return new ActionItemListing(rs.getObject("action_item_id", UUID.class),
				rs.getObject("incident_id", UUID.class), rs.getString("incident_title"), rs.getString("title"),
				rs.getString("owner"), due, rs.getString("type"), rs.getString("priority"), rs.getString("link"),
				status, Jsonb.read(rs.getString("services"), new TypeReference<List<String>>() {
				}), Postmortem.ActionItem.OPEN.equals(status) && due.isBefore(today));
	}

	static final class Labels {

		private Labels() {
		}

		static String of(ActionItemType type) {
			return type.name().toLowerCase(java.util.Locale.ROOT);
		}

		static String of(ActionItemPriority priority) {
			return priority.name();
		}

	}

}
