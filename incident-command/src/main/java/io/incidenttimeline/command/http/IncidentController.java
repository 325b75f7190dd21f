package io.incidenttimeline.command.http;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.command.incident.AcknowledgeIncident;
import io.incidenttimeline.command.incident.AddTimelineNote;
import io.incidenttimeline.command.incident.ApplyMitigation;
import io.incidenttimeline.command.incident.AssignRole;
import io.incidenttimeline.command.incident.ChangeSeverity;
import io.incidenttimeline.command.incident.ChangeStatus;
import io.incidenttimeline.command.incident.CommandResult;
import io.incidenttimeline.command.incident.DeclareIncident;
import io.incidenttimeline.command.incident.PostStatusUpdate;
import io.incidenttimeline.command.incident.ReopenIncident;
import io.incidenttimeline.command.incident.ResolveIncident;
import io.incidenttimeline.command.incident.StoredEvents;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Visibility;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident commands over HTTP, and the audit trail straight from the event store.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

	static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";

	private final IdempotentCommands commands;

	private final EventStore eventStore;

	IncidentController(IdempotentCommands commands, EventStore eventStore) {
		this.commands = commands;
		this.eventStore = eventStore;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> declare(@Valid @RequestBody Declaration body, Actor actor,
			HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.CREATED,
				new DeclareIncident(IncidentId.random(), body.title(), body.severity(), body.services(),
						body.impactStartedAt(), body.commander(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> changeSeverity(@PathVariable UUID incidentId, @Valid @RequestBody SeverityChange body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new ChangeSeverity(new IncidentId(incidentId),
				body.severity(), body.reason(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> acknowledge(@PathVariable UUID incidentId,
			@Valid @RequestBody(required = false) Acknowledgement body, Actor actor, HttpServletRequest request) {
		Instant occurredAt = (body != null) ? body.occurredAt() : null;
		return this.commands.send(request, HttpStatus.OK,
				new AcknowledgeIncident(new IncidentId(incidentId), actor.name(), actor.source(), occurredAt));
	}

	@PostMapping(path = "/{incidentId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> changeStatus(@PathVariable UUID incidentId, @Valid @RequestBody StatusChange body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new ChangeStatus(new IncidentId(incidentId), body.status(),
				actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/mitigations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> applyMitigation(@PathVariable UUID incidentId, @Valid @RequestBody Mitigation body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new ApplyMitigation(new IncidentId(incidentId), body.kind(),
				body.description(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> assignRole(@PathVariable UUID incidentId, @Valid @RequestBody RoleAssignment body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new AssignRole(new IncidentId(incidentId), body.role(),
				body.assignee(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> postUpdate(@PathVariable UUID incidentId, @Valid @RequestBody StatusUpdate body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new PostStatusUpdate(new IncidentId(incidentId),
				body.visibility(), body.body(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> addNote(@PathVariable UUID incidentId, @Valid @RequestBody Note body, Actor actor,
			HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new AddTimelineNote(new IncidentId(incidentId), body.note(),
				actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> resolve(@PathVariable UUID incidentId, @Valid @RequestBody Resolution body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new ResolveIncident(new IncidentId(incidentId),
				body.summary(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> reopen(@PathVariable UUID incidentId, @Valid @RequestBody Reopening body, Actor actor,
			HttpServletRequest request) {
		return this.commands.send(request, HttpStatus.OK, new ReopenIncident(new IncidentId(incidentId), body.reason(),
				actor.name(), actor.source(), body.occurredAt()));
	}

	@GetMapping("/{incidentId}/events")
	List<AuditEntry> events(@PathVariable UUID incidentId) {
		return stored(incidentId).stream().map(AuditEntry::of).toList();
	}

	/**
	 * The export: the incident's events exactly as they travel on Kafka, as a CloudEvents
	 * JSON batch that any CloudEvents reader (or the query service) can replay.
	 */
	@GetMapping(path = "/{incidentId}/export", produces = CLOUDEVENTS_BATCH)
	ResponseEntity<byte[]> export(@PathVariable UUID incidentId) {
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

	private List<EventEnvelope> stored(UUID incidentId) {
		String aggregateIdentifier = incidentId.toString();
		List<EventEnvelope> envelopes = this.eventStore.readEvents(aggregateIdentifier)
			.asStream()
			.map(StoredEvents::toEnvelope)
			.toList();
		if (envelopes.isEmpty()) {
			throw new AggregateNotFoundException(aggregateIdentifier, "no incident " + aggregateIdentifier);
		}
		return envelopes;
	}

	record Declaration(@NotBlank @Size(max = 200) String title, @NotNull Severity severity,
			@NotEmpty List<@NotBlank @Size(max = 100) String> services, Instant impactStartedAt,
			@Size(max = 100) String commander, Instant occurredAt) {
	}

	record SeverityChange(@NotNull Severity severity, @Size(max = 2000) String reason, Instant occurredAt) {
	}

	record Acknowledgement(Instant occurredAt) {
	}

	record StatusChange(@NotNull IncidentStatus status, Instant occurredAt) {
	}

	record Mitigation(@NotNull MitigationKind kind, @NotBlank @Size(max = 2000) String description,
			Instant occurredAt) {
	}

	record RoleAssignment(@NotNull Role role, @NotBlank @Size(max = 100) String assignee, Instant occurredAt) {
	}

	record StatusUpdate(@NotNull Visibility visibility, @NotBlank @Size(max = 10000) String body, Instant occurredAt) {
	}

	record Note(@NotBlank @Size(max = 10000) String note, Instant occurredAt) {
	}

	record Resolution(@Size(max = 10000) String summary, Instant occurredAt) {
	}

	record Reopening(@NotBlank @Size(max = 2000) String reason, Instant occurredAt) {
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
