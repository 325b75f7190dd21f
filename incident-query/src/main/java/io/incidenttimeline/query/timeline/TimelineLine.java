package io.incidenttimeline.query.timeline;

import java.time.Instant;
import java.util.List;

import io.incidenttimeline.query.consuming.StoredEvent;

/**
 * One line of an incident's story as the timeline shows it, for other features (the
 * postmortem's timeline): {@code type} is the event's name, {@code known} false for a
 * type this reader does not know, {@code summary} the one-line text.
 */
public record TimelineLine(long sequence, String type, boolean known, Instant occurredAt, Instant recordedAt,
		String actor, String actorName, String summary) {

	/**
	 * The display name when known, else the actor's id.
	 */
	public String shownActor() {
		return (this.actorName != null) ? this.actorName : this.actor;
	}

	/**
	 * The incident's lines in the order things happened (occurredAt, ties by sequence),
	 * each summary written as the timeline writes it.
	 */
	public static List<TimelineLine> of(List<StoredEvent> events) {
		return TimelineController.entries(events)
			.stream()
			.map((entry) -> new TimelineLine(entry.sequence(), entry.type(), entry.known(), entry.occurredAt(),
					entry.recordedAt(), entry.actor(), entry.actorName(), entry.summary()))
			.toList();
	}

}
