package io.incidenttimeline.query.timeline;

import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Text;
import io.incidenttimeline.events.TimelineNoteAdded;

/**
 * One line of text per timeline entry, for people scanning the incident's story: one
 * summary per event type. Long free text is cut; the full payload travels beside it.
 */
final class Summaries {

	static final int MAX_TEXT = 140;

	private Summaries() {
	}

	private static final Map<Class<?>, Summary<?>> BY_TYPE = Map.ofEntries(
			summary(IncidentDeclared.class,
					(declared, envelope) -> "Declared " + declared.severity().label() + " \"" + cut(declared.title())
							+ "\" affecting " + String.join(", ", declared.services())),
			summary(IncidentAcknowledged.class, (acknowledged, envelope) -> "Acknowledged by " + envelope.actor()),
			summary(SeverityChanged.class,
					(changed, envelope) -> "Severity changed from " + changed.from().label() + " to "
							+ changed.to().label() + reason(changed.reason())),
			summary(RoleAssigned.class,
					(assigned, envelope) -> assigned.assignee() + " is now " + words(assigned.role())),
			summary(StatusChanged.class,
					(changed, envelope) -> "Status changed from " + words(changed.from()) + " to "
							+ words(changed.to())),
			summary(StatusUpdatePosted.class,
					(posted, envelope) -> capitalized(words(posted.visibility())) + " update: " + cut(posted.body())),
			summary(MitigationApplied.class,
					(applied, envelope) -> "Mitigation (" + words(applied.kind()) + "): " + cut(applied.description())),
			summary(TimelineNoteAdded.class, (note, envelope) -> "Note: " + cut(note.note())),
			summary(IncidentResolved.class, (resolved, envelope) -> "Resolved" + reason(resolved.summary())),
			summary(IncidentReopened.class, (reopened, envelope) -> "Reopened" + reason(reopened.reason())),
			summary(AlertTriggered.class,
					(alert, envelope) -> "Alert from " + alert.integration() + ": " + cut(alert.summary())),
			summary(AlertAcknowledged.class,
					(alert, envelope) -> "Alert acknowledged in " + alert.integration() + " (" + cut(alert.alertKey())
							+ ")"),
			summary(AlertResolved.class, (alert, envelope) -> "Alert resolved in " + alert.integration() + " ("
					+ cut(alert.alertKey()) + ")"));

	static String of(EventEnvelope envelope) {
		return describe(envelope.payload(), envelope);
	}

	@SuppressWarnings("unchecked")
	private static <E extends IncidentEvent> String describe(E event, EventEnvelope envelope) {
		Summary<E> summary = (Summary<E>) BY_TYPE.get(event.getClass());
		return (summary != null) ? summary.of(event, envelope) : envelope.type().name();
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

		String of(E event, EventEnvelope envelope);

	}

}
