package io.incidenttimeline.command.incident;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.incidenttimeline.events.PostmortemSection;

/**
 * What the incident's decisions about its postmortem need: whether and how it was
 * started, which sections have text, each action item's state and how it was closed,
 * whether it was reviewed and how it was published. Changed only by the incident's
 * event-sourcing handlers; asked by its command handlers.
 */
final class Postmortem {

	/**
	 * The sections a review needs written: what happened, to whom, and why.
	 */
	static final List<PostmortemSection> NEEDED_FOR_REVIEW = List.of(PostmortemSection.SUMMARY,
			PostmortemSection.IMPACT, PostmortemSection.ROOT_CAUSE);

	private CommandResult start;

	private final Set<PostmortemSection> written = EnumSet.noneOf(PostmortemSection.class);

	private final Map<UUID, ActionItem> actionItems = new HashMap<>();

	private boolean reviewed;

	private CommandResult publication;

	void started(CommandResult start) {
		this.start = start;
	}

	void written(PostmortemSection section) {
		this.written.add(section);
	}

	void added(UUID actionItemId) {
		this.actionItems.put(actionItemId, new ActionItem(ActionItemState.OPEN, null));
	}

	void closed(UUID actionItemId, ActionItemState state, CommandResult closing) {
		this.actionItems.put(actionItemId, new ActionItem(state, closing));
	}

	void reviewed() {
		this.reviewed = true;
	}

	void published(CommandResult publication) {
		this.publication = publication;
	}

	/**
	 * The first start, or null while the postmortem has not been started.
	 */
	CommandResult start() {
		return this.start;
	}

	/**
	 * The first publication, or null while it is not published.
	 */
	CommandResult publication() {
		return this.publication;
	}

	boolean isReviewed() {
		return this.reviewed;
	}

	void requireStarted() {
		if (this.start == null) {
			throw new IncidentConflictException("the postmortem has not been started");
		}
	}

	/**
	 * The action item, which must exist (409 otherwise: ids come from the path, and an
	 * item of another incident is not one of this incident's).
	 */
	ActionItem actionItem(UUID actionItemId) {
		ActionItem item = this.actionItems.get(actionItemId);
		if (item == null) {
			throw new IncidentConflictException("this incident has no action item " + actionItemId);
		}
		return item;
	}

	boolean hasActionItem(UUID actionItemId) {
		return this.actionItems.containsKey(actionItemId);
	}

	/**
	 * The sections a review needs that are not written yet, spelled as the API spells
	 * them.
	 */
	List<String> missingForReview() {
		return NEEDED_FOR_REVIEW.stream()
			.filter((section) -> !this.written.contains(section))
			.map((section) -> section.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.toList());
	}

	enum ActionItemState {

		OPEN, COMPLETED, DROPPED;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * An action item's state and, once completed or dropped, what the first completion or
	 * drop answered.
	 */
	record ActionItem(ActionItemState state, CommandResult closing) {
	}

}
