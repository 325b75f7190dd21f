package io.incidenttimeline.query.timeline;

import java.util.Locale;

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
 * One line of text per timeline entry, for people scanning the incident's story. Long
 * free text is cut; the full payload travels beside it.
 */
final class Summaries {

	static final int MAX_TEXT = 140;

	private Summaries() {
	}

	static String of(EventEnvelope envelope) {
		IncidentEvent event = envelope.payload();
		if (event instanceof IncidentDeclared declared) {
			return "Declared " + declared.severity().label() + " \"" + cut(declared.title()) + "\" affecting "
					+ String.join(", ", declared.services());
		}
		if (event instanceof IncidentAcknowledged) {
			return "Acknowledged by " + envelope.actor();
		}
		if (event instanceof SeverityChanged changed) {
			return "Severity changed from " + changed.from().label() + " to " + changed.to().label()
					+ reason(changed.reason());
		}
		if (event instanceof RoleAssigned assigned) {
			return assigned.assignee() + " is now " + words(assigned.role());
		}
		if (event instanceof StatusChanged changed) {
			return "Status changed from " + words(changed.from()) + " to " + words(changed.to());
		}
		if (event instanceof StatusUpdatePosted posted) {
			String visibility = words(posted.visibility());
			return Character.toUpperCase(visibility.charAt(0)) + visibility.substring(1) + " update: "
					+ cut(posted.body());
		}
		if (event instanceof MitigationApplied applied) {
			return "Mitigation (" + words(applied.kind()) + "): " + cut(applied.description());
		}
		if (event instanceof TimelineNoteAdded note) {
			return "Note: " + cut(note.note());
		}
		if (event instanceof IncidentResolved resolved) {
			return "Resolved" + reason(resolved.summary());
		}
		if (event instanceof IncidentReopened reopened) {
			return "Reopened" + reason(reopened.reason());
		}
		if (event instanceof AlertTriggered alert) {
			return "Alert from " + alert.integration() + ": " + cut(alert.summary());
		}
		if (event instanceof AlertAcknowledged alert) {
			return "Alert acknowledged in " + alert.integration() + " (" + cut(alert.alertKey()) + ")";
		}
		if (event instanceof AlertResolved alert) {
			return "Alert resolved in " + alert.integration() + " (" + cut(alert.alertKey()) + ")";
		}
		return envelope.type().name();
	}

	static String unknown(String type, int schemaVersion) {
		return "Event of a type this reader does not know: " + type + " v" + schemaVersion;
	}

	private static String reason(String text) {
		return (text != null) ? ": " + cut(text) : "";
	}

	private static String words(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	static String cut(String text) {
		return Text.shorten(text.strip().replaceAll("\\s+", " "), MAX_TEXT);
	}

}
