package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Visibility;
import io.incidenttimeline.query.IncidentStory;

/**
 * Test data builder for the events the status page cares about, on top of
 * {@link IncidentStory}'s sequence numbers and one-minute steps.
 */
final class StatusStory {

	private final IncidentStory story = new IncidentStory();

	UUID id() {
		return this.story.incident().value();
	}

	EventEnvelope declared(Severity severity, String title, String... services) {
		return this.story.next(new IncidentDeclared(this.story.incident(), title, severity, List.of(services),
				Instant.parse("2026-11-21T07:55:00.000001Z"), "erin"));
	}

	EventEnvelope publicUpdate(String body) {
		return this.story.next(new StatusUpdatePosted(this.story.incident(), Visibility.PUBLIC, body));
	}

	EventEnvelope internalUpdate(String body) {
		return this.story.next(new StatusUpdatePosted(this.story.incident(), Visibility.INTERNAL, body));
	}

	EventEnvelope note(String note) {
		return this.story.next(new TimelineNoteAdded(this.story.incident(), note));
	}

	EventEnvelope status(IncidentStatus from, IncidentStatus to) {
		return this.story.next(new StatusChanged(this.story.incident(), from, to));
	}

	EventEnvelope severity(Severity from, Severity to, String reason) {
		return this.story.next(new SeverityChanged(this.story.incident(), from, to, reason));
	}

	EventEnvelope resolved(String summary) {
		return this.story.next(new IncidentResolved(this.story.incident(), summary));
	}

	EventEnvelope reopened(String reason) {
		return this.story.next(new IncidentReopened(this.story.incident(), reason));
	}

}
