package io.incidenttimeline.command.incident.web;

import java.time.Instant;
import java.util.List;

import io.incidenttimeline.command.incident.AcknowledgeIncident;
import io.incidenttimeline.command.incident.AddTimelineNote;
import io.incidenttimeline.command.incident.ApplyMitigation;
import io.incidenttimeline.command.incident.AssignRole;
import io.incidenttimeline.command.incident.ChangeSeverity;
import io.incidenttimeline.command.incident.ChangeStatus;
import io.incidenttimeline.command.incident.CommandResult;
import io.incidenttimeline.command.incident.CorrectKeyMoment;
import io.incidenttimeline.command.incident.DeclareIncident;
import io.incidenttimeline.command.incident.PostStatusUpdate;
import io.incidenttimeline.command.incident.ReopenIncident;
import io.incidenttimeline.command.incident.ResolveIncident;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident commands over HTTP: each request body becomes one command, sent with its
 * Idempotency-Key in one transaction. Who may send which is decided before a request gets
 * here ({@code security.AccessRules}); a severity downgrade is decided by the incident,
 * told whether the caller is a commander.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

	private final IdempotentCommands commands;

	IncidentController(IdempotentCommands commands) {
		this.commands = commands;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> declare(@Valid @RequestBody Declaration body, Actor actor,
			HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.CREATED,
				new DeclareIncident(IncidentId.random(), body.title(), body.severity(), body.services(),
						body.impactStartedAt(), body.commander(), body.detectedAt(), body.detectionMethod(), actor.id(),
						actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> changeSeverity(@PathVariable IncidentId incidentId,
			@Valid @RequestBody SeverityChange body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new ChangeSeverity(incidentId, body.severity(),
				body.reason(), actor.id(), actor.name(), actor.source(), body.occurredAt(), actor.commander()));
	}

	@PostMapping(path = "/{incidentId}/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> acknowledge(@PathVariable IncidentId incidentId,
			@Valid @RequestBody(required = false) Acknowledgement body, Actor actor, HttpServletRequest request) {
		Instant occurredAt = (body != null) ? body.occurredAt() : null;
		return this.commands.send(request, actor, HttpStatus.OK,
				new AcknowledgeIncident(incidentId, actor.id(), actor.name(), actor.source(), occurredAt));
	}

	@PostMapping(path = "/{incidentId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> changeStatus(@PathVariable IncidentId incidentId,
			@Valid @RequestBody StatusChange body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new ChangeStatus(incidentId, body.status(), actor.id(),
				actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/mitigations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> applyMitigation(@PathVariable IncidentId incidentId,
			@Valid @RequestBody Mitigation body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new ApplyMitigation(incidentId, body.kind(),
				body.description(), actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> assignRole(@PathVariable IncidentId incidentId,
			@Valid @RequestBody RoleAssignment body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new AssignRole(incidentId, body.role(),
				body.assignee(), actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> postUpdate(@PathVariable IncidentId incidentId, @Valid @RequestBody StatusUpdate body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new PostStatusUpdate(incidentId, body.visibility(),
				body.body(), actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> addNote(@PathVariable IncidentId incidentId, @Valid @RequestBody Note body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new AddTimelineNote(incidentId, body.note(),
				actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> resolve(@PathVariable IncidentId incidentId, @Valid @RequestBody Resolution body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new ResolveIncident(incidentId, body.summary(),
				actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> reopen(@PathVariable IncidentId incidentId, @Valid @RequestBody Reopening body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new ReopenIncident(incidentId, body.reason(),
				actor.id(), actor.name(), actor.source(), body.occurredAt()));
	}

	@PostMapping(path = "/{incidentId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> correct(@PathVariable IncidentId incidentId, @Valid @RequestBody Correction body,
			Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK, new CorrectKeyMoment(incidentId, body.moment(),
				body.correctedTo(), body.reason(), actor.id(), actor.name(), actor.source()));
	}

	record Declaration(@NotBlank @Size(max = FieldLimits.TITLE) String title, @NotNull Severity severity,
			@NotEmpty List<@NotBlank @Size(max = FieldLimits.NAME) String> services, Instant impactStartedAt,
			@Size(max = FieldLimits.NAME) String commander, Instant detectedAt, DetectionMethod detectionMethod,
			Instant occurredAt) {
	}

	record SeverityChange(@NotNull Severity severity, @Size(max = FieldLimits.REASON) String reason,
			Instant occurredAt) {
	}

	record Acknowledgement(Instant occurredAt) {
	}

	record StatusChange(@NotNull IncidentStatus status, Instant occurredAt) {
	}

	record Mitigation(@NotNull MitigationKind kind, @NotBlank @Size(max = FieldLimits.REASON) String description,
			Instant occurredAt) {
	}

	record RoleAssignment(@NotNull Role role, @NotBlank @Size(max = FieldLimits.NAME) String assignee,
			Instant occurredAt) {
	}

	record StatusUpdate(@NotNull Visibility visibility, @NotBlank @Size(max = FieldLimits.LONG_TEXT) String body,
			Instant occurredAt) {
	}

	record Note(@NotBlank @Size(max = FieldLimits.LONG_TEXT) String note, Instant occurredAt) {
	}

	record Resolution(@Size(max = FieldLimits.LONG_TEXT) String summary, Instant occurredAt) {
	}

	record Reopening(@NotBlank @Size(max = FieldLimits.REASON) String reason, Instant occurredAt) {
	}

	record Correction(@NotNull KeyMoment moment, @NotNull Instant correctedTo,
			@NotBlank @Size(max = FieldLimits.REASON) String reason) {
	}

}
