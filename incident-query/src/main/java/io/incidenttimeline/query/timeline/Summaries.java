package io.incidenttimeline.query.timeline;

import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemCompleted;
import io.incidenttimeline.events.ActionItemDropped;
import io.incidenttimeline.events.ActionItemUpdated;
import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.PostmortemPublished;
import io.incidenttimeline.events.PostmortemReviewed;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Text;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;

/**
 * One line of text per timeline entry, for people scanning the incident's story: one
 * summary per event type. Long free text is cut; the full payload travels beside it. A
 * few lines need what came before (a correction names the value it replaces, an action
 * item its title): {@link Story} remembers that while the events are read in sequence.
 */
final class Summaries {

	static final int MAX_TEXT = 140;

	private Summaries() {
	}

	private static final Map<Class<?>, Summary<?>> BY_TYPE = Map.ofEntries(summary(IncidentDeclared.class,
			(declared, envelope, story) -> "Declared " + declared.severity().label() + " \"" + cut(declared.title())
					+ "\" affecting " + String.join(", ", declared.services()) + detection(declared)),
			summary(IncidentAcknowledged.class,
					(acknowledged, envelope, story) -> "Acknowledged by " + envelope.actor()),
			summary(SeverityChanged.class,
					(changed, envelope, story) -> "Severity changed from " + changed.from().label() + " to "
							+ changed.to().label() + reason(changed.reason())),
			summary(RoleAssigned.class,
					(assigned, envelope, story) -> assigned.assignee() + " is now " + words(assigned.role())),
			summary(StatusChanged.class,
					(changed, envelope, story) -> "Status changed from " + words(changed.from()) + " to "
							+ words(changed.to())),
			summary(StatusUpdatePosted.class,
					(posted, envelope, story) -> capitalized(words(posted.visibility())) + " update: "
							+ cut(posted.body())),
			summary(MitigationApplied.class,
					(applied, envelope, story) -> "Mitigation (" + words(applied.kind()) + "): "
							+ cut(applied.description())),
			summary(TimelineNoteAdded.class, (note, envelope, story) -> "Note: " + cut(note.note())),
			summary(IncidentResolved.class, (resolved, envelope, story) -> "Resolved" + reason(resolved.summary())),
			summary(IncidentReopened.class, (reopened, envelope, story) -> "Reopened" + reason(reopened.reason())),
			summary(AlertTriggered.class,
					(alert, envelope, story) -> "Alert from " + alert.integration() + ": " + cut(alert.summary())),
			summary(AlertAcknowledged.class,
					(alert, envelope, story) -> "Alert acknowledged in " + alert.integration() + " ("
							+ cut(alert.alertKey()) + ")"),
			summary(AlertResolved.class,
					(alert, envelope, story) -> "Alert resolved in " + alert.integration() + " ("
							+ cut(alert.alertKey()) + ")"),
			summary(KeyMomentCorrected.class,
					(corrected, envelope, story) -> capitalized(words(corrected.moment())) + " corrected from "
							+ story.moment(corrected.moment()).map(Timestamps::format).orElse("(none)") + " to "
							+ Timestamps.format(corrected.correctedTo()) + reason(corrected.reason())),
			summary(PostmortemStarted.class, (started, envelope, story) -> "Postmortem started"),
			summary(PostmortemSectionWritten.class,
					(written, envelope, story) -> "Postmortem section " + words(written.section()) + " written: "
							+ cut(written.text())),
			summary(ActionItemAdded.class,
					(added, envelope, story) -> "Action item (" + words(added.type()) + ", " + added.priority().name()
							+ ") for " + added.owner() + ", due " + added.dueDate() + ": " + cut(added.title())),
			summary(ActionItemUpdated.class,
					(updated, envelope, story) -> "Action item updated" + story.itemTitle(updated.actionItemId())
							+ changes(updated)),
			summary(ActionItemCompleted.class,
					(completed, envelope, story) -> "Action item completed" + story.itemTitle(completed.actionItemId())
							+ reason(completed.note())),
			summary(ActionItemDropped.class,
					(dropped, envelope, story) -> "Action item dropped" + story.itemTitle(dropped.actionItemId())
							+ reason(dropped.reason())),
			summary(PostmortemReviewed.class,
					(reviewed, envelope, story) -> "Postmortem reviewed by " + envelope.shownActor()
							+ reason(reviewed.notes())),
			summary(PostmortemPublished.class, (published, envelope, story) -> "Postmortem published"));

	/**
	 * The line of an event read on its own: a correction cannot name what it replaces.
	 */
	static String of(EventEnvelope envelope) {
		return of(envelope, new Story());
	}

	/**
	 * The line of an event read after the events of {@code story}.
	 */
	static String of(EventEnvelope envelope, Story story) {
		return describe(envelope.payload(), envelope, story);
	}

	@SuppressWarnings("unchecked")
	private static <E extends IncidentEvent> String describe(E event, EventEnvelope envelope, Story story) {
		Summary<E> summary = (Summary<E>) BY_TYPE.get(event.getClass());
		return (summary != null) ? summary.of(event, envelope, story) : envelope.type().name();
	}

	private static String detection(IncidentDeclared declared) {
		if (declared.detectedAt() == null && declared.detectionMethod() == null) {
			return "";
		}
		String how = (declared.detectionMethod() != null) ? " by " + words(declared.detectionMethod()) : "";
		String when = (declared.detectedAt() != null) ? " at " + Timestamps.format(declared.detectedAt()) : "";
		return "; detected" + how + when;
	}

	private static String changes(ActionItemUpdated updated) {
		StringBuilder changes = new StringBuilder();
		append(changes, "title", (updated.title() != null) ? cut(updated.title()) : null);
		append(changes, "owner", updated.owner());
		append(changes, "due", (updated.dueDate() != null) ? updated.dueDate().toString() : null);
		append(changes, "type", (updated.type() != null) ? words(updated.type()) : null);
		append(changes, "priority", (updated.priority() != null) ? updated.priority().name() : null);
		append(changes, "link", updated.link());
		return (changes.length() > 0) ? ": " + changes : "";
	}

	private static void append(StringBuilder changes, String field, String value) {
		if (value != null) {
			changes.append((changes.length() > 0) ? ", " : "").append(field).append(' ').append(value);
		}
	}

	private static <E extends IncidentEvent> Map.Entry<Class<?>, Summary<?>> summary(Class<E> type,
			Summary<E> summary) {
		return Map.entry(type, summary);
	}

	static String unknown(String type, int schemaVersion) {
		return "Event of a type this reader does not know: " + type + " v" + schemaVersion;
	}

	private static String reason(String text) {
		return (text != null) ? ": " + cut(text) : "";
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String words(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	static String cut(String text) {
		return Text.shorten(text.strip().replaceAll("\\s+", " "), MAX_TEXT);
	}

	/**
	 * The line for one type of event.
	 */
	@FunctionalInterface
	private interface Summary<E extends IncidentEvent> {

		String of(E event, EventEnvelope envelope, Story story);

	}

}
