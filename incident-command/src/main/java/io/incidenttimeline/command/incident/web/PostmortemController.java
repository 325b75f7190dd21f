package io.incidenttimeline.command.incident.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.incidenttimeline.command.incident.ActionItemResult;
import io.incidenttimeline.command.incident.AddActionItem;
import io.incidenttimeline.command.incident.CommandResult;
import io.incidenttimeline.command.incident.CompleteActionItem;
import io.incidenttimeline.command.incident.DropActionItem;
import io.incidenttimeline.command.incident.PublishPostmortem;
import io.incidenttimeline.command.incident.ReviewPostmortem;
import io.incidenttimeline.command.incident.StartPostmortem;
import io.incidenttimeline.command.incident.UpdateActionItem;
import io.incidenttimeline.command.incident.WritePostmortemSection;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.PostmortemSection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The postmortem of an incident over HTTP (issue #11): starting it, writing its sections,
 * its action items, its review and its publication. Each request body becomes one
 * command, sent with its Idempotency-Key in one transaction, as
 * {@link IncidentController} does; who may send which is decided before
 * ({@code security.AccessRules}): responders write, commanders review and publish.
 */
@RestController
@RequestMapping(path = "/api/incidents/{incidentId}", produces = MediaType.APPLICATION_JSON_VALUE)
class PostmortemController {

	private final IdempotentCommands commands;

	PostmortemController(IdempotentCommands commands) {
		this.commands = commands;
	}

	@PostMapping(path = "/postmortem", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> start(@PathVariable IncidentId incidentId,
			@Valid @RequestBody(required = false) Start body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK,
				new StartPostmortem(incidentId, actor.id(), actor.name(), actor.source()));
	}

	@PutMapping(path = "/postmortem/sections/{section}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> writeSection(@PathVariable IncidentId incidentId,
			@PathVariable PostmortemSection section, @Valid @RequestBody SectionText body, Actor actor,
			HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK,
				new WritePostmortemSection(incidentId, section, body.text(), actor.id(), actor.name(), actor.source()));
	}

	/**
	 * The server names the new item: its id is in the answer and in {@code Location}.
	 */
	@PostMapping(path = "/action-items", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ActionItemResult> addActionItem(@PathVariable IncidentId incidentId,
			@Valid @RequestBody NewActionItem body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.CREATED,
				new AddActionItem(incidentId, UUID.randomUUID(), body.title(), body.owner(), body.dueDate(),
						body.type(), body.priority(), body.link(), actor.id(), actor.name(), actor.source()),
				ActionItemResult.class, (result) -> URI
					.create("/api/incidents/" + result.incidentId() + "/action-items/" + result.actionItemId()));
	}

	@PatchMapping(path = "/action-items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> updateActionItem(@PathVariable IncidentId incidentId, @PathVariable UUID itemId,
			@Valid @RequestBody ActionItemChange body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK,
				new UpdateActionItem(incidentId, itemId, body.title(), body.owner(), body.dueDate(), body.type(),
						body.priority(), body.link(), actor.id(), actor.name(), actor.source()));
	}

	@PostMapping(path = "/action-items/{itemId}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> completeActionItem(@PathVariable IncidentId incidentId, @PathVariable UUID itemId,
			@Valid @RequestBody(required = false) Completion body, Actor actor, HttpServletRequest request) {
		String note = (body != null) ? body.note() : null;
		return this.commands.send(request, actor, HttpStatus.OK,
				new CompleteActionItem(incidentId, itemId, note, actor.id(), actor.name(), actor.source()));
	}

	@PostMapping(path = "/action-items/{itemId}/drop", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> dropActionItem(@PathVariable IncidentId incidentId, @PathVariable UUID itemId,
			@Valid @RequestBody Drop body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK,
				new DropActionItem(incidentId, itemId, body.reason(), actor.id(), actor.name(), actor.source()));
	}

	@PostMapping(path = "/postmortem/review", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> review(@PathVariable IncidentId incidentId,
			@Valid @RequestBody(required = false) Review body, Actor actor, HttpServletRequest request) {
		String notes = (body != null) ? body.notes() : null;
		return this.commands.send(request, actor, HttpStatus.OK,
				new ReviewPostmortem(incidentId, notes, actor.id(), actor.name(), actor.source()));
	}

	@PostMapping(path = "/postmortem/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CommandResult> publish(@PathVariable IncidentId incidentId,
			@Valid @RequestBody(required = false) Publication body, Actor actor, HttpServletRequest request) {
		return this.commands.send(request, actor, HttpStatus.OK,
				new PublishPostmortem(incidentId, actor.id(), actor.name(), actor.source()));
	}

	/**
	 * No fields: {@code {}}, or no body.
	 */
	record Start() {
	}

	record SectionText(@NotBlank @Size(max = FieldLimits.SECTION) String text) {
	}

	record NewActionItem(@NotBlank @Size(max = FieldLimits.TITLE) String title,
			@NotBlank @Size(max = FieldLimits.NAME) String owner, @NotNull LocalDate dueDate,
			@NotNull ActionItemType type, ActionItemPriority priority, @Size(max = FieldLimits.LINK) String link) {
	}

	/**
	 * Every field optional; at least one given.
	 */
	record ActionItemChange(@Size(max = FieldLimits.TITLE) String title, @Size(max = FieldLimits.NAME) String owner,
			LocalDate dueDate, ActionItemType type, ActionItemPriority priority,
			@Size(max = FieldLimits.LINK) String link) {
	}

	record Completion(@Size(max = FieldLimits.REASON) String note) {
	}

	record Drop(@NotBlank @Size(max = FieldLimits.REASON) String reason) {
	}

	record Review(@Size(max = FieldLimits.REASON) String notes) {
	}

	/**
	 * No fields: {@code {}}, or no body.
	 */
	record Publication() {
	}

}
