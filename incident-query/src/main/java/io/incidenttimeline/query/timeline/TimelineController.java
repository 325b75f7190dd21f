package io.incidenttimeline.query.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.EventHistory;
import io.incidenttimeline.query.consuming.Freshness;
import io.incidenttimeline.query.consuming.StoredEvent;
import io.incidenttimeline.query.web.UnknownResource;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's story: every applied event, including those of types this reader does not
 * know, in the order things happened ({@code occurredAt}, ties by sequence), so a
 * backdated entry lands where it belongs. Read from the consumer's {@link EventHistory}.
 */
@RestController
class TimelineController {

	private static final Comparator<StoredEvent> AS_IT_HAPPENED = Comparator.comparing(StoredEvent::occurredAt)
		.thenComparingLong(StoredEvent::sequence);

	private final EventHistory history;

	private final ConsumerProgress progress;

	TimelineController(EventHistory history, ConsumerProgress progress) {
		this.history = history;
		this.progress = progress;
	}

	@GetMapping("/api/incidents/{id}/timeline")
	ResponseEntity<Timeline> timeline(@PathVariable IncidentId id) {
		Freshness freshness = this.progress.of(id);
		List<Entry> entries = entries(this.history.of(id));
		if (entries.isEmpty()) {
			throw new UnknownResource("no incident " + id);
		}
		return ResponseEntity.ok()
			.header(Freshness.LAST_APPLIED_SEQUENCE_HEADER, String.valueOf(freshness.lastAppliedSequence()))
			.body(new Timeline(id.value(), entries, freshness));
	}

	/**
	 * The entries as things happened; each summary is written from the events recorded
	 * before it (sequence order), so a correction names the value it replaced.
	 */
	static List<Entry> entries(List<StoredEvent> events) {
		Story story = new Story();
		Map<Long, Entry> bySequence = new HashMap<>();
		events.stream().sorted(Comparator.comparingLong(StoredEvent::sequence)).forEach((stored) -> {
			bySequence.put(stored.sequence(), Entry.of(stored, story));
			if (stored.known()) {
				story.read(stored.envelope());
			}
		});
		return events.stream().sorted(AS_IT_HAPPENED).map((stored) -> bySequence.get(stored.sequence())).toList();
	}

	record Timeline(UUID incidentId, List<Entry> entries, Freshness freshness) {
	}

	/**
	 * {@code known} is false for an event of a type this reader cannot decode: its
	 * payload is the raw {@code data} as the producer wrote it. {@code actor} is who
	 * acted as a stable id (a token's subject, an integration), {@code actorName} their
	 * display name at the time, null for events recorded before people signed in.
	 */
	record Entry(long sequence, UUID eventId, String type, int schemaVersion, Instant occurredAt, Instant recordedAt,
			String actor, String actorName, String source, boolean backdated, boolean known, String summary,
			@JsonRawValue String payload) {

		static Entry of(StoredEvent stored, Story story) {
			if (stored.known()) {
				EventEnvelope envelope = stored.envelope();
				return new Entry(envelope.sequence(), envelope.eventId(), envelope.type().name(),
						envelope.schemaVersion(), envelope.occurredAt(), envelope.recordedAt(), envelope.actor(),
						envelope.actorName(), envelope.source(), envelope.isBackdated(), true,
						Summaries.of(envelope, story),
						new String(IncidentEventCodec.payloadJson(envelope.payload()), StandardCharsets.UTF_8));
			}
			return new Entry(stored.sequence(), stored.eventId(), stored.type(), stored.schemaVersion(),
					stored.occurredAt(), stored.recordedAt(), stored.actor(), stored.actorName(), stored.source(),
					stored.backdated(), false, Summaries.unknown(stored.type(), stored.schemaVersion()),
					stored.rawPayload());
		}

	}

}
