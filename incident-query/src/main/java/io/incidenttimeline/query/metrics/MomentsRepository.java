package io.incidenttimeline.query.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Jsonb;
import io.incidenttimeline.query.jdbc.Timestamptz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code mttx_moments} table.
 */
@Component
class MomentsRepository {

	private static final String SAVE = """
			INSERT INTO mttx_moments (incident_id, highest_severity, services, impact_started_at,
			  impact_started_as_declared, declared_at, stated_detected_at, first_alert_at, first_acknowledged_at,
			  first_sender_acknowledged_at, first_mitigation_applied_at, first_monitoring_at, first_resolved_at,
			  resolved_at, reopened_count, corrected_impact_started_at, corrected_detected_at,
			  corrected_acknowledged_at, corrected_mitigated_at, corrected_resolved_at)
			VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (incident_id) DO UPDATE SET highest_severity = EXCLUDED.highest_severity,
			  services = EXCLUDED.services, impact_started_at = EXCLUDED.impact_started_at,
			  impact_started_as_declared = EXCLUDED.impact_started_as_declared,
			  declared_at = EXCLUDED.declared_at, stated_detected_at = EXCLUDED.stated_detected_at,
			  first_alert_at = EXCLUDED.first_alert_at,
			  first_acknowledged_at = EXCLUDED.first_acknowledged_at,
			  first_sender_acknowledged_at = EXCLUDED.first_sender_acknowledged_at,
			  first_mitigation_applied_at = EXCLUDED.first_mitigation_applied_at,
			  first_monitoring_at = EXCLUDED.first_monitoring_at, first_resolved_at = EXCLUDED.first_resolved_at,
			  resolved_at = EXCLUDED.resolved_at, reopened_count = EXCLUDED.reopened_count,
			  corrected_impact_started_at = EXCLUDED.corrected_impact_started_at,
			  corrected_detected_at = EXCLUDED.corrected_detected_at,
			  corrected_acknowledged_at = EXCLUDED.corrected_acknowledged_at,
			  corrected_mitigated_at = EXCLUDED.corrected_mitigated_at,
			  corrected_resolved_at = EXCLUDED.corrected_resolved_at""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	MomentsRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The moments of those of these incidents that have them.
	 */
	List<IncidentMoments> findAll(Collection<UUID> incidents) {
		return this.jdbc.sql("SELECT * FROM mttx_moments WHERE incident_id = ANY (?)")
			.param(incidents.toArray(UUID[]::new))
			.query((rs, row) -> moments(rs))
			.list();
	}

	/**
	 * {@link #save} for many incidents in one JDBC batch.
	 */
	void saveAll(List<IncidentMoments> moments) {
		this.jdbcTemplate.batchUpdate(SAVE, moments.stream().map(MomentsRepository::row).toList());
	}

	private static Object[] row(IncidentMoments moments) {
		IncidentMoments.Corrections corrected = moments.corrections();
		return new Object[] { moments.incidentId(), moments.highestSeverity().label(), Jsonb.of(moments.services()),
				Timestamptz.of(moments.impactStartedAt()), Timestamptz.of(moments.impactStartedAtAsDeclared()),
				Timestamptz.of(moments.declaredAt()), Timestamptz.of(moments.statedDetectedAt()),
				Timestamptz.of(moments.firstAlertAt()), Timestamptz.of(moments.firstAcknowledgedByResponderAt()),
				Timestamptz.of(moments.firstAcknowledgedBySenderAt()),
				Timestamptz.of(moments.firstMitigationAppliedAt()), Timestamptz.of(moments.firstMonitoringAt()),
				Timestamptz.of(moments.firstResolvedAt()), Timestamptz.of(moments.finalResolvedAt()),
				moments.reopenedCount(), Timestamptz.of(corrected.impactStartedAt()),
				Timestamptz.of(corrected.detectedAt()), Timestamptz.of(corrected.acknowledgedAt()),
				Timestamptz.of(corrected.mitigatedAt()), Timestamptz.of(corrected.resolvedAt()) };
	}

	Optional<IncidentMoments> find(UUID incident) {
		return this.jdbc.sql("SELECT * FROM mttx_moments WHERE incident_id = ?")
			.param(incident)
			.query((rs, row) -> moments(rs))
			.optional();
	}

	void save(IncidentMoments moments) {
		this.jdbc.sql(SAVE).params(row(moments)).update();
	}

	/**
	 * Incidents whose impact started in [from, to), in impact-start order.
	 */
	List<IncidentMoments> matching(MetricsFilter filter) {
		StringBuilder sql = new StringBuilder("SELECT * FROM mttx_moments WHERE true");
		List<Object> params = new ArrayList<>();
		if (filter.severity() != null) {
			sql.append(" AND highest_severity = ?");
			params.add(filter.severity().label());
		}
		if (filter.service() != null) {
			sql.append(" AND services @> jsonb_build_array(?::text)");
			params.add(filter.service());
		}
		if (filter.from() != null) {
			sql.append(" AND impact_started_at >= ?");
			params.add(Timestamptz.of(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND impact_started_at < ?");
			params.add(Timestamptz.of(filter.to()));
		}
		sql.append(" ORDER BY impact_started_at, incident_id");
		return this.jdbc.sql(sql.toString()).params(params).query((rs, row) -> moments(rs)).list();
	}

	private static IncidentMoments moments(ResultSet rs) throws SQLException {
		return new IncidentMoments(rs.getObject("incident_id", UUID.class),
				Severity.fromLabel(rs.getString("highest_severity")),
				Jsonb.read(rs.getString("services"), new TypeReference<List<String>>() {
				}), Timestamptz.read(rs, "impact_started_as_declared"), Timestamptz.read(rs, "declared_at"),
				Timestamptz.read(rs, "stated_detected_at"), Timestamptz.read(rs, "first_alert_at"),
				Timestamptz.read(rs, "first_acknowledged_at"), Timestamptz.read(rs, "first_sender_acknowledged_at"),
				Timestamptz.read(rs, "first_mitigation_applied_at"), Timestamptz.read(rs, "first_monitoring_at"),
				Timestamptz.read(rs, "first_resolved_at"), Timestamptz.read(rs, "resolved_at"),
				rs.getInt("reopened_count"),
				new IncidentMoments.Corrections(Timestamptz.read(rs, "corrected_impact_started_at"),
						Timestamptz.read(rs, "corrected_detected_at"),
						Timestamptz.read(rs, "corrected_acknowledged_at"),
						Timestamptz.read(rs, "corrected_mitigated_at"), Timestamptz.read(rs, "corrected_resolved_at")));
	}

}
