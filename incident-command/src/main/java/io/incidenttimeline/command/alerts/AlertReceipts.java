package io.incidenttimeline.command.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import io.incidenttimeline.events.IncidentId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code alert_receipt} table: every alert we accepted, routed or not, with how often
 * its sender repeated it.
 */
@Component
class AlertReceipts {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	AlertReceipts(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The receipt for this alert, locked until the transaction ends.
	 */
	Receipt find(String integration, String dedupKey) {
		List<Receipt> rows = this.jdbc.query(
				"SELECT * FROM alert_receipt WHERE integration = ? AND dedup_key = ? FOR UPDATE", this::receipt,
				integration, dedupKey);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * Other receipts of the same alert still firing on that incident: Alertmanager after
	 * a lost resolve, with a new startsAt, or two PagerDuty routing keys sharing a dedup
	 * key.
	 */
	List<Receipt> firingOn(IncidentId incidentId, Alert alert) {
		return this.jdbc.query("""
				SELECT * FROM alert_receipt WHERE incident_id = ? AND integration = ? AND alert_key = ?
				  AND state <> 'resolved' AND dedup_key <> ? FOR UPDATE""", this::receipt, incidentId.value(),
				alert.integration(), alert.alertKey(), alert.dedupKey());
	}

	void insert(Alert alert, State state, IncidentId incidentId, String rule, Instant now) {
		this.jdbc.update(
				"""
						INSERT INTO alert_receipt (integration, dedup_key, alert_key, state, incident_id, routing_rule, summary,
						  alert_severity, service, group_key, labels, fired_at, resolved_at, first_received_at, last_received_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				alert.integration(), alert.dedupKey(), alert.alertKey(), state.column(), uuid(incidentId), rule,
				alert.summary(), alert.alertSeverity(), alert.service(), alert.groupKey(),
				this.json.writeValueAsString(alert.labels()), timestamp(alert.firedAt()), timestamp(alert.resolvedAt()),
				Timestamp.from(now), Timestamp.from(now));
	}

	/**
	 * The same alert fires again after it resolved (PagerDuty reuses dedup keys): the
	 * receipt starts over.
	 */
	void refire(long id, Alert alert, IncidentId incidentId, String rule, Instant now) {
		this.jdbc.update("""
				UPDATE alert_receipt SET state = 'firing', incident_id = ?, routing_rule = ?, summary = ?,
				  alert_severity = ?, service = ?, group_key = ?, labels = ?, fired_at = ?, resolved_at = NULL,
				  last_received_at = ?, repeat_count = 0
				WHERE id = ?""", uuid(incidentId), rule, alert.summary(), alert.alertSeverity(), alert.service(),
				alert.groupKey(), this.json.writeValueAsString(alert.labels()), timestamp(alert.firedAt()),
				Timestamp.from(now), id);
	}

	void changeState(long id, State state, Instant resolvedAt, Instant now) {
		this.jdbc.update(
				"UPDATE alert_receipt SET state = ?, resolved_at = COALESCE(?, resolved_at), last_received_at = ? WHERE id = ?",
				state.column(), timestamp(resolvedAt), Timestamp.from(now), id);
	}

	void repeat(long id, Instant now) {
		this.jdbc.update("UPDATE alert_receipt SET repeat_count = repeat_count + 1, last_received_at = ? WHERE id = ?",
				Timestamp.from(now), id);
	}

	List<Receipt> search(ReceiptFilter filter) {
		StringBuilder sql = new StringBuilder("SELECT * FROM alert_receipt WHERE TRUE");
		List<Object> args = new ArrayList<>();
		if (filter.integration() != null) {
			sql.append(" AND integration = ?");
			args.add(filter.integration());
		}
		if (filter.state() != null) {
			sql.append(" AND state = ?");
			args.add(filter.state().column());
		}
		if (filter.incidentId() != null) {
			sql.append(" AND incident_id = ?");
			args.add(filter.incidentId().value());
		}
		if (filter.routed() != null) {
			sql.append(filter.routed() ? " AND incident_id IS NOT NULL" : " AND incident_id IS NULL");
		}
		if (filter.service() != null) {
			sql.append(" AND service = ?");
			args.add(filter.service());
		}
		if (filter.since() != null) {
			sql.append(" AND last_received_at >= ?");
			args.add(Timestamp.from(filter.since()));
		}
		sql.append(" ORDER BY last_received_at DESC, id DESC LIMIT ?");
		args.add(filter.limit());
		return this.jdbc.query(sql.toString(), this::receipt, args.toArray());
	}

	private Receipt receipt(ResultSet row, int rowNumber) throws SQLException {
		UUID incident = row.getObject("incident_id", UUID.class);
		return new Receipt(row.getLong("id"), row.getString("integration"), row.getString("dedup_key"),
				row.getString("alert_key"), State.of(row.getString("state")),
				(incident != null) ? new IncidentId(incident) : null, row.getString("routing_rule"),
				row.getString("summary"), row.getString("alert_severity"), row.getString("service"),
				row.getString("group_key"), this.json.readValue(row.getString("labels"), LABELS),
				instant(row.getTimestamp("fired_at")), instant(row.getTimestamp("resolved_at")),
				instant(row.getTimestamp("first_received_at")), instant(row.getTimestamp("last_received_at")),
				row.getInt("repeat_count"));
	}

	private static UUID uuid(IncidentId incidentId) {
		return (incidentId != null) ? incidentId.value() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	enum State {

		FIRING, ACKNOWLEDGED, RESOLVED;

		@JsonValue
		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

	}

	record Receipt(long id, String integration, String dedupKey, String alertKey, State state, IncidentId incidentId,
			String routingRule, String summary, String alertSeverity, String service, String groupKey,
			Map<String, String> labels, Instant firedAt, Instant resolvedAt, Instant firstReceivedAt,
			Instant lastReceivedAt, int repeatCount) {
	}

	/**
	 * What {@code GET /api/alerts} asks for, bound from its query parameters; every
	 * filter is optional.
	 */
	record ReceiptFilter(String integration, State state, IncidentId incidentId, Boolean routed, String service,
			Instant since, @Min(1) @Max(MAX_LIMIT) Integer limit) {

		static final int MAX_LIMIT = 1000;

		ReceiptFilter {
			limit = (limit != null) ? limit : 100;
		}
	}

}
