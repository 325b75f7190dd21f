package io.incidenttimeline.query.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemCompleted;
import io.incidenttimeline.events.ActionItemDropped;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.ActionItemUpdated;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.PostmortemPublished;
import io.incidenttimeline.events.PostmortemReviewed;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.query.consuming.EventHandlers;

/**
 * An incident's postmortem as its events made it: what the header needs from the incident
 * (title, severities, services, declaration, commander, stated detection, resolution),
 * the sections (the last revision is the current text), the action items in the order
 * they were added, everyone who acted with the roles they held, the review and the
 * publication. Folded live by {@link PostmortemProjection} and kept whole in
 * {@code postmortems.state}.
 * <p>
 * A postmortem exists once the incident has been resolved (a generated draft before
 * anyone writes) or once one was started; a reopening leaves a started postmortem in
 * place.
 */
record Postmortem(UUID incidentId, String title, Severity severityDeclared, Severity severityReached,
		List<String> services, Instant declaredAt, String commander, Instant statedDetectedAt,
		DetectionMethod detectionMethod, Instant resolvedAt, boolean everResolved, boolean started,
		List<Section> sections, List<ActionItem> actionItems, List<Participant> participants, Review review,
		Instant publishedAt, boolean revisedAfterPublication) {

	static final String DRAFT = "draft";

	static final String IN_PROGRESS = "in_progress";

	static final String REVIEWED = "reviewed";

	static final String PUBLISHED = "published";

	/**
	 * The row of an incident that owes no postmortem yet (never resolved, none started).
	 */
	static final String NONE = "none";

	static final EventHandlers<Postmortem> EVENTS = EventHandlers.startingWith(Postmortem::declared)
		.on(SeverityChanged.class, Postmortem::on)
		.on(RoleAssigned.class, Postmortem::on)
		.on(IncidentResolved.class, Postmortem::on)
		.on(IncidentReopened.class, Postmortem::on)
		.on(PostmortemStarted.class, Postmortem::on)
		.on(PostmortemSectionWritten.class, Postmortem::on)
		.on(ActionItemAdded.class, Postmortem::on)
		.on(ActionItemUpdated.class, Postmortem::on)
		.on(ActionItemCompleted.class, Postmortem::on)
		.on(ActionItemDropped.class, Postmortem::on)
		.on(PostmortemReviewed.class, Postmortem::on)
		.on(PostmortemPublished.class, Postmortem::on)
		.onEveryEvent(Postmortem::participant);

	Postmortem {
		services = List.copyOf(services);
		sections = List.copyOf(sections);
		actionItems = List.copyOf(actionItems);
		participants = List.copyOf(participants);
	}

	static Postmortem declared(IncidentDeclared declared, EventEnvelope envelope) {
		List<Participant> participants = new ArrayList<>();
		participants.add(new Participant(envelope.actor(), envelope.shownActor(), List.of()));
		Postmortem postmortem = new Postmortem(declared.incidentId().value(), declared.title(), declared.severity(),
				declared.severity(), declared.services(), envelope.occurredAt(), declared.commander(),
				declared.detectedAt(), declared.detectionMethod(), null, false, false, List.of(), List.of(),
				participants, null, null, false);
		return (declared.commander() != null) ? postmortem.withRole(declared.commander(), Role.INCIDENT_COMMANDER)
				: postmortem;
	}

	Postmortem on(SeverityChanged changed, EventEnvelope envelope) {
		Severity reached = changed.to().isMoreSevereThan(this.severityReached) ? changed.to() : this.severityReached;
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, reached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, this.started, this.sections, this.actionItems, this.participants, this.review,
				this.publishedAt, this.revisedAfterPublication);
	}

	Postmortem on(RoleAssigned assigned, EventEnvelope envelope) {
		Postmortem withRole = withRole(assigned.assignee(), assigned.role());
		if (assigned.role() != Role.INCIDENT_COMMANDER) {
			return withRole;
		}
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, assigned.assignee(), this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, this.started, this.sections, this.actionItems, withRole.participants, this.review,
				this.publishedAt, this.revisedAfterPublication);
	}

	Postmortem on(IncidentResolved resolved, EventEnvelope envelope) {
		return resolution(envelope.occurredAt(), true);
	}

	Postmortem on(IncidentReopened reopened, EventEnvelope envelope) {
		return resolution(null, this.everResolved);
	}

	Postmortem on(PostmortemStarted started, EventEnvelope envelope) {
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, true, this.sections, this.actionItems, this.participants, this.review,
				this.publishedAt, this.revisedAfterPublication);
	}

	Postmortem on(PostmortemSectionWritten written, EventEnvelope envelope) {
		List<Section> sections = new ArrayList<>(this.sections);
		int revisions = 1;
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).section() == written.section()) {
				revisions = sections.remove(i).revisions() + 1;
				break;
			}
		}
		sections.add(new Section(written.section(), written.text(), revisions, envelope.shownActor(),
				envelope.occurredAt()));
		sections.sort((a, b) -> a.section().compareTo(b.section()));
		return revised(sections, this.actionItems);
	}

	Postmortem on(ActionItemAdded added, EventEnvelope envelope) {
		List<ActionItem> items = new ArrayList<>(this.actionItems);
		items.add(new ActionItem(added.actionItemId(), added.title(), added.owner(), added.dueDate(), added.type(),
				added.priority(), added.link(), ActionItem.OPEN, null, null));
		return revised(this.sections, items);
	}

	Postmortem on(ActionItemUpdated updated, EventEnvelope envelope) {
		return item(updated.actionItemId(),
				(item) -> new ActionItem(item.id(), or(updated.title(), item.title()),
						or(updated.owner(), item.owner()), or(updated.dueDate(), item.dueDate()),
						or(updated.type(), item.type()), or(updated.priority(), item.priority()),
						or(updated.link(), item.link()), item.status(), item.note(), item.closedAt()));
	}

	Postmortem on(ActionItemCompleted completed, EventEnvelope envelope) {
		return item(completed.actionItemId(),
				(item) -> item.closed(ActionItem.COMPLETED, completed.note(), envelope.occurredAt()));
	}

	Postmortem on(ActionItemDropped dropped, EventEnvelope envelope) {
		return item(dropped.actionItemId(),
				(item) -> item.closed(ActionItem.DROPPED, dropped.reason(), envelope.occurredAt()));
	}

	Postmortem on(PostmortemReviewed reviewed, EventEnvelope envelope) {
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, true, this.sections, this.actionItems, this.participants,
				new Review(envelope.shownActor(), envelope.occurredAt(), reviewed.notes()), this.publishedAt,
				this.revisedAfterPublication);
	}

	Postmortem on(PostmortemPublished published, EventEnvelope envelope) {
		Instant at = (this.publishedAt != null) ? this.publishedAt : envelope.occurredAt();
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, true, this.sections, this.actionItems, this.participants, this.review, at,
				this.revisedAfterPublication);
	}

	/**
	 * Whoever acted took part; their latest display name is kept.
	 */
	Postmortem participant(IncidentEvent event, EventEnvelope envelope) {
		List<Participant> participants = new ArrayList<>(this.participants);
		for (int i = 0; i < participants.size(); i++) {
			Participant participant = participants.get(i);
			if (participant.actor().equals(envelope.actor())) {
				if (participant.name().equals(envelope.shownActor())) {
					return this;
				}
				participants.set(i, new Participant(participant.actor(), envelope.shownActor(), participant.roles()));
				return withParticipants(participants);
			}
		}
		participants.add(new Participant(envelope.actor(), envelope.shownActor(), List.of()));
		return withParticipants(participants);
	}

	/**
	 * What {@code status} the postmortem shows: {@code draft} until someone writes a
	 * section or adds an action item, {@code in_progress}, {@code reviewed},
	 * {@code published}; {@code none} while the incident owes none yet.
	 */
	String status() {
		if (this.publishedAt != null) {
			return PUBLISHED;
		}
		if (this.review != null) {
			return REVIEWED;
		}
		if (!this.sections.isEmpty() || !this.actionItems.isEmpty()) {
			return IN_PROGRESS;
		}
		return exists() ? DRAFT : NONE;
	}

	boolean exists() {
		return this.everResolved || this.started;
	}

	private Postmortem withRole(String assignee, Role role) {
		List<Participant> participants = new ArrayList<>(this.participants);
		String label = role.name().toLowerCase(Locale.ROOT);
		for (int i = 0; i < participants.size(); i++) {
			Participant participant = participants.get(i);
			if (participant.actor().equals(assignee)) {
				if (!participant.roles().contains(label)) {
					List<String> roles = new ArrayList<>(participant.roles());
					roles.add(label);
					participants.set(i, new Participant(participant.actor(), participant.name(), roles));
				}
				return withParticipants(participants);
			}
		}
		participants.add(new Participant(assignee, assignee, List.of(label)));
		return withParticipants(participants);
	}

	private Postmortem withParticipants(List<Participant> participants) {
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, this.started, this.sections, this.actionItems, participants, this.review,
				this.publishedAt, this.revisedAfterPublication);
	}

	private Postmortem resolution(Instant resolvedAt, boolean everResolved) {
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, resolvedAt, everResolved,
				this.started, this.sections, this.actionItems, this.participants, this.review, this.publishedAt,
				this.revisedAfterPublication);
	}

	private Postmortem revised(List<Section> sections, List<ActionItem> items) {
		return new Postmortem(this.incidentId, this.title, this.severityDeclared, this.severityReached, this.services,
				this.declaredAt, this.commander, this.statedDetectedAt, this.detectionMethod, this.resolvedAt,
				this.everResolved, this.started, sections, items, this.participants, this.review, this.publishedAt,
				this.revisedAfterPublication || this.publishedAt != null);
	}

	private Postmortem item(UUID id, java.util.function.UnaryOperator<ActionItem> change) {
		Map<UUID, ActionItem> items = new LinkedHashMap<>();
		this.actionItems.forEach((item) -> items.put(item.id(), item));
		ActionItem item = items.get(id);
		if (item == null) {
			return this;
		}
		items.put(id, change.apply(item));
		return revised(this.sections, new ArrayList<>(items.values()));
	}

	private static <T> T or(T changed, T current) {
		return (changed != null) ? changed : current;
	}

	/**
	 * A section's current text, how many revisions it had, and who revised it last, when.
	 */
	record Section(PostmortemSection section, String text, int revisions, String lastRevisedBy, Instant lastRevisedAt) {
	}

	/**
	 * An action item; {@code status} open, completed or dropped; {@code note} the
	 * completion note or the reason it was dropped; {@code closedAt} when.
	 */
	record ActionItem(UUID id, String title, String owner, LocalDate dueDate, ActionItemType type,
			ActionItemPriority priority, String link, String status, String note, Instant closedAt) {

		static final String OPEN = "open";

		static final String COMPLETED = "completed";

		static final String DROPPED = "dropped";

		/**
		 * Completing or dropping twice keeps the first.
		 */
		ActionItem closed(String how, String note, Instant at) {
			if (!OPEN.equals(this.status)) {
				return this;
			}
			return new ActionItem(this.id, this.title, this.owner, this.dueDate, this.type, this.priority, this.link,
					how, note, at);
		}

		/**
		 * Open past its due date (the due date itself is not overdue yet), UTC.
		 */
		boolean isOverdue(LocalDate today) {
			return OPEN.equals(this.status) && this.dueDate.isBefore(today);
		}

	}

	/**
	 * Someone who acted in the incident (their id and display name), with the incident
	 * roles they were given.
	 */
	record Participant(String actor, String name, List<String> roles) {

		Participant {
			roles = List.copyOf(roles);
		}

	}

	record Review(String by, Instant at, String notes) {
	}

}
