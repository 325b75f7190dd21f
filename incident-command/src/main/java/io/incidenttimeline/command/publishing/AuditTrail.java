package io.incidenttimeline.command.publishing;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.command.web.Problems;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's events straight from the event store, in the form they are published in.
 */
@RestController
@RequestMapping(path = "/api/incidents/{incidentId}", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditTrail {

	static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";

	private final EventStore eventStore;

	AuditTrail(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	@GetMapping("/events")
	List<AuditEntry> events(@PathVariable IncidentId incidentId) {
		return stored(incidentId).stream().map(AuditEntry::of).toList();
	}

	/**
	 * The export: the incident's events exactly as they travel on Kafka, as a CloudEvents
	 * JSON batch that any CloudEvents reader (or the query service) can replay.
	 */
	@GetMapping(path = "/export", produces = CLOUDEVENTS_BATCH)
	ResponseEntity<byte[]> export(@PathVariable IncidentId incidentId) {
		ByteArrayOutputStream batch = new ByteArrayOutputStream();
		batch.write('[');
		List<EventEnvelope> envelopes = stored(incidentId);
		for (int i = 0; i < envelopes.size(); i++) {
			if (i > 0) {
				batch.write(',');
			}
			batch.writeBytes(IncidentEventCodec.encode(envelopes.get(i)));
		}
		batch.write(']');
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(CLOUDEVENTS_BATCH)).body(batch.toByteArray());
	}

	private List<EventEnvelope> stored(IncidentId incidentId) {
		List<EventEnvelope> envelopes = this.eventStore.readEvents(incidentId.toString())
			.asStream()
			.map(StoredEvents::toEnvelope)
			.toList();
		if (envelopes.isEmpty()) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.unknownIncident(incidentId.toString()),
					null);
		}
		return envelopes;
	}

	/**
	 * One stored event as the audit trail shows it.
	 */
	record AuditEntry(UUID eventId, long sequence, String type, int schemaVersion, Instant occurredAt,
			Instant recordedAt, String actor, String source, boolean backdated, IncidentEvent payload) {

		static AuditEntry of(EventEnvelope envelope) {
			return new AuditEntry(envelope.eventId(), envelope.sequence(), envelope.type().name(),
					envelope.schemaVersion(), envelope.occurredAt(), envelope.recordedAt(), envelope.actor(),
					envelope.source(), envelope.isBackdated(), envelope.payload());
		}

	}

}
