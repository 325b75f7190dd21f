package io.incidenttimeline.query.postmortem;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Jsonb;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables {@code postmortems} and {@code postmortem_action_items}.
 */
@Component
class PostmortemRepository {

	private final JdbcClient jdbc;

	PostmortemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Postmortem> find(UUID incident) {
		return this.jdbc.sql("SELECT state FROM postmortems WHERE incident_id = ?")
			.param(incident)
			.query((rs, row) -> Jsonb.read(rs.getString("state"), new TypeReference<Postmortem>() {
			}))
			.optional();
	}

	void save(Postmortem postmortem) {
		this.jdbc.sql("""
				INSERT INTO postmortems (incident_id, title, severity_reached, services, resolved_at, status,
				  published_at, state)
				VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)
				ON CONFLICT (incident_id) DO UPDATE SET title = EXCLUDED.title,
				  severity_reached = EXCLUDED.severity_reached, services = EXCLUDED.services,
				  resolved_at = EXCLUDED.resolved_at, status = EXCLUDED.status, published_at = EXCLUDED.published_at,
				  state = EXCLUDED.state""")
			.params(postmortem.incidentId(), postmortem.title(), postmortem.severityReached().label(),
					Jsonb.of(postmortem.services()), Timestamptz.of(postmortem.resolvedAt()), postmortem.status(),
					Timestamptz.of(postmortem.publishedAt()), Jsonb.of(postmortem))
			.update();
		this.jdbc.sql("DELETE FROM postmortem_action_items WHERE incident_id = ?")
			.param(postmortem.incidentId())
			.update();
		int position = 0;
		for (Postmortem.ActionItem item : postmortem.actionItems()) {
			this.jdbc.sql("""
					INSERT INTO postmortem_action_items (action_item_id, incident_id, position, title, owner, due_date,
					  type, priority, link, status, services)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
					ON CONFLICT (action_item_id) DO NOTHING""")
				.params(item.id(), postmortem.incidentId(), position++, item.title(), item.owner(),
						Date.valueOf(item.dueDate()), Labels.of(item.type()), item.priority().name(), item.link(),
						item.status(), Jsonb.of(postmortem.services()))
				.update();
		}
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
