package io.incidenttimeline.query.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.InvalidParameters;
import io.incidenttimeline.query.Timestamptz;
import io.incidenttimeline.query.UnknownResource;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.Freshness;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's story: every applied event, including those of types this reader does not
 * know, in the order things happened ({@code occurredAt}, ties by sequence), so a
 * backdated entry lands where it belongs. Read straight from {@code incident_events}.
 */
@RestController
class TimelineController {

	private final JdbcClient jdbc;

	private final ConsumerProgress progress;

	TimelineController(JdbcClient jdbc, ConsumerProgress progress) {
		this.jdbc = jdbc;
		this.progress = progress;
	}

	@GetMapping("/api/incidents/{id}/timeline")
	ResponseEntity<Timeline> timeline(@PathVariable String id) {
		IncidentId incident;
		try {
			incident = IncidentId.parse(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameters(List.of(new InvalidParameters.FieldError("id", "must be a UUID")));
		}
		Freshness freshness = this.progress.of(incident);
		List<Entry> entries = this.jdbc.sql("""
				SELECT sequence, event_id, type, schema_version, occurred_at, recorded_at, actor, source, known,
				  payload, wire
				FROM incident_events WHERE incident_id = ? ORDER BY occurred_at, sequence""")
			.param(incident.value())
			.query((rs, row) -> rs.getBoolean("known") ? Entry.of(IncidentEventCodec.decode(rs.getBytes("wire")))
					: Entry.unknown(rs.getLong("sequence"), rs.getObject("event_id", UUID.class), rs.getString("type"),
							rs.getInt("schema_version"), Timestamptz.read(rs, "occurred_at"),
							Timestamptz.read(rs, "recorded_at"), rs.getString("actor"), rs.getString("source"),
							rs.getString("payload")))
			.list();
		if (entries.isEmpty()) {
			throw new UnknownResource("no incident " + id);
		}
		return ResponseEntity.ok()
			.header(Freshness.LAST_APPLIED_SEQUENCE_HEADER, String.valueOf(freshness.lastAppliedSequence()))
			.body(new Timeline(incident.value(), entries, freshness));
	}

	record Timeline(UUID incidentId, List<Entry> entries, Freshness freshness) {
	}

	/**
	 * {@code known} is false for an event of a type this reader cannot decode: its
	 * payload is the raw {@code data} as the producer wrote it.
	 */
	record Entry(long sequence, UUID eventId, String type, int schemaVersion, Instant occurredAt, Instant recordedAt,
			String actor, String source, boolean backdated, boolean known, String summary,
			@JsonRawValue String payload) {

		static Entry of(EventEnvelope envelope) {
			return new Entry(envelope.sequence(), envelope.eventId(), envelope.type().name(), envelope.schemaVersion(),
					envelope.occurredAt(), envelope.recordedAt(), envelope.actor(), envelope.source(),
					envelope.isBackdated(), true, Summaries.of(envelope),
					new String(IncidentEventCodec.payloadJson(envelope.payload()), StandardCharsets.UTF_8));
		}

		static Entry unknown(long sequence, UUID eventId, String type, int schemaVersion, Instant occurredAt,
				Instant recordedAt, String actor, String source, String payload) {
			boolean backdated = occurredAt.plus(1, ChronoUnit.MINUTES).isBefore(recordedAt);
			return new Entry(sequence, eventId, type, schemaVersion, occurredAt, recordedAt, actor, source, backdated,
					false, Summaries.unknown(type, schemaVersion), payload);
		}

	}

}
