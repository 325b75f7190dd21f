package io.incidenttimeline.command.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.command.incident.IncidentFixtures.Timed;
import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemCompleted;
import io.incidenttimeline.events.ActionItemDropped;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.ActionItemUpdated;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.PostmortemPublished;
import io.incidenttimeline.events.PostmortemReviewed;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.command.incident.IncidentFixtures.at;
import static io.incidenttimeline.command.incident.IncidentFixtures.conflict;
import static io.incidenttimeline.command.incident.IncidentFixtures.invalid;
import static io.incidenttimeline.command.incident.IncidentFixtures.invalidField;
import static io.incidenttimeline.command.incident.IncidentFixtures.stored;

/**
 * The postmortem's lifecycle and its action items (issue #11): started for a resolved
 * incident only and once, sections written and revised, action items added, updated while
 * open, completed or dropped once, reviewed when the summary, impact and root cause are
 * written, published once reviewed.
 */
class IncidentPostmortemTest {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

	static final IncidentId ID = new IncidentId(UUID.fromString("2f8e6d4c-0b1a-4c9d-8e7f-6a5b4c3d2e1f"));

	static final Instant DECLARED = Instant.parse("2026-11-20T09:30:00Z");

	static final Instant RESOLVED = Instant.parse("2026-11-20T11:00:00Z");

	static final Instant STARTED = Instant.parse("2026-11-22T09:00:00.654321Z");

	static final UUID ITEM = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

	static final LocalDate DUE = LocalDate.parse("2026-12-15");

	FixtureConfiguration<Incident> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = IncidentFixtures.fixtureAt(NOW);
	}

	@Test
	void thePostmortemOfAResolvedIncidentStartsWithWhoStartedIt() {
		this.fixture.given(stored(resolved()))
			.when(new StartPostmortem(ID, "alice", "Alice Martín", "web"))
			.expectEvents(GenericEventMessage.asEventMessage(new PostmortemStarted(ID))
				.withMetaData(Map.of("actor", "alice", "actorName", "Alice Martín", "source", "web", "occurredAt",
						Timestamps.format(NOW), "recordedAt", Timestamps.format(NOW))))
			.expectResultMessagePayload(new CommandResult(ID, 3, NOW));
	}

	@Test
	void anOpenIncidentHasNoPostmortem() {
		this.fixture.given(stored(List.of(declared())))
			.when(start())
			.expectNoEvents()
			.expectException(conflict("a postmortem starts once the incident is resolved; this one is investigating"));
	}

	@Test
	void aReopenedIncidentHasAPostmortemOnceResolvedAgain() {
		List<Timed> reopened = new ArrayList<>(resolved());
		reopened.add(at(new IncidentReopened(ID, "errors are back"), RESOLVED.plusSeconds(600)));
		this.fixture.given(stored(reopened))
			.when(start())
			.expectNoEvents()
			.expectException(conflict("a postmortem starts once the incident is resolved; this one is investigating"));

		reopened.add(at(new IncidentResolved(ID, "fixed for good"), RESOLVED.plusSeconds(1200)));
		this.fixture.given(stored(reopened)).when(start()).expectEvents(new PostmortemStarted(ID));
	}

	@Test
	void startingAgainRecordsNothingAndAnswersWithTheFirstStart() {
		this.fixture.given(stored(started()))
			.when(new StartPostmortem(ID, "carol", null, "web"))
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 3, STARTED));

		List<Timed> reopenedSince = new ArrayList<>(started());
		reopenedSince.add(at(new IncidentReopened(ID, "errors are back"), NOW.minusSeconds(60)));
		this.fixture.given(stored(reopenedSince))
			.when(start())
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 3, STARTED));
	}

	@Test
	void sectionsAreWrittenAndRevisedEachAsARevision() {
		List<Timed> written = new ArrayList<>(started());
		written.add(at(section(PostmortemSection.ROOT_CAUSE, "A config push"), NOW.minusSeconds(60)));
		this.fixture.given(stored(written))
			.when(write(PostmortemSection.ROOT_CAUSE, "A config push\nwithout a canary"))
			.expectEvents(section(PostmortemSection.ROOT_CAUSE, "A config push\nwithout a canary"))
			.expectResultMessagePayload(new CommandResult(ID, 5, NOW));
	}

	@Test
	void aSectionNeedsAStartedPostmortem() {
		this.fixture.given(stored(resolved()))
			.when(write(PostmortemSection.SUMMARY, "text"))
			.expectNoEvents()
			.expectException(conflict("the postmortem has not been started"));
	}

	@Test
	void aSectionHoldsOneToTwentyThousandCharactersOfProse() {
		List<Object> started = stored(started());
		this.fixture.given(started)
			.when(write(PostmortemSection.LESSONS, "x".repeat(20000)))
			.expectSuccessfulHandlerExecution();
		this.fixture.given(started)
			.when(write(PostmortemSection.LESSONS, "x".repeat(20001)))
			.expectNoEvents()
			.expectException(invalid("text", "text must be at most 20000 characters"));
		this.fixture.given(started)
			.when(write(PostmortemSection.LESSONS, " \n "))
			.expectNoEvents()
			.expectException(invalid("text", "text must not be blank"));
		this.fixture.given(started)
			.when(write(PostmortemSection.LESSONS, "bell\u0007"))
			.expectNoEvents()
			.expectException(invalidField("text"));
		this.fixture.given(started)
			.when(new WritePostmortemSection(ID, null, "text", "alice", null, "web"))
			.expectNoEvents()
			.expectException(invalidField("section"));
	}

	@Test
	void anActionItemIsAddedWithPriorityP2UnlessGivenAndAnswersWithItsId() {
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", DUE, null, null))
			.expectEvents(new ActionItemAdded(ID, ITEM, "Add a canary stage", "alice", DUE, ActionItemType.PREVENT,
					ActionItemPriority.P2, null))
			.expectResultMessagePayload(new ActionItemResult(ID, ITEM, 4, NOW));
		this.fixture.given(stored(started()))
			.when(new AddActionItem(ID, ITEM, "Page on error budget burn", "bob", DUE, ActionItemType.DETECT,
					ActionItemPriority.P1, "https://tracker.example/OPS-12", "alice", null, "web"))
			.expectEvents(new ActionItemAdded(ID, ITEM, "Page on error budget burn", "bob", DUE, ActionItemType.DETECT,
					ActionItemPriority.P1, "https://tracker.example/OPS-12"));
	}

	@Test
	void anActionItemNeedsAStartedPostmortem() {
		this.fixture.given(stored(resolved()))
			.when(add("Add a canary stage", "alice", DUE, null, null))
			.expectNoEvents()
			.expectException(conflict("the postmortem has not been started"));
	}

	@Test
	void anActionItemIsAssignableSchedulableAndTyped() {
		List<Object> started = stored(started());
		this.fixture.given(started)
			.when(add("Add a canary stage", null, DUE, null, null))
			.expectNoEvents()
			.expectException(invalid("owner", "owner is missing"));
		this.fixture.given(started)
			.when(add("Add a canary stage", " ", DUE, null, null))
			.expectNoEvents()
			.expectException(invalid("owner", "owner must not be blank"));
		this.fixture.given(started)
			.when(add("Add a canary stage", "alice", null, null, null))
			.expectNoEvents()
			.expectException(invalid("dueDate", "dueDate is missing"));
		this.fixture.given(started)
			.when(new AddActionItem(ID, ITEM, "Add a canary stage", "alice", DUE, null, null, null, "alice", null,
					"web"))
			.expectNoEvents()
			.expectException(invalid("type", "type is missing"));
		this.fixture.given(started)
			.when(add("x".repeat(201), "alice", DUE, null, null))
			.expectNoEvents()
			.expectException(invalid("title", "title must be at most 200 characters"));
		this.fixture.given(started)
			.when(add("Two\nlines", "alice", DUE, null, null))
			.expectNoEvents()
			.expectException(invalidField("title"));
	}

	@Test
	void anActionItemIsNotDueBeforeTheDayTheIncidentWasDeclared() {
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", LocalDate.parse("2026-11-19"), null, null))
			.expectNoEvents()
			.expectException(
					invalid("dueDate", "dueDate must not be before the day the incident was declared (2026-11-20)"));
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", LocalDate.parse("2026-11-20"), null, null))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void anActionItemIsDueNoLaterThanTheLastDayOfAFourDigitYear() {
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", LocalDate.parse("+10000-01-01"), null, null))
			.expectNoEvents()
			.expectException(invalid("dueDate", "dueDate must not be after 9999-12-31"));
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", LocalDate.parse("9999-12-31"), null, null))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void anActionItemsLinkIsAnHttpUrl() {
		for (String link : List.of("ftp://tracker.example/1", "tracker.example/OPS-1", "not a url", "", "https://")) {
			this.fixture.given(stored(started()))
				.when(add("Add a canary stage", "alice", DUE, null, link))
				.expectNoEvents()
				.expectException(invalid("link", "link must be an absolute http or https URL"));
		}
		this.fixture.given(stored(started()))
			.when(add("Add a canary stage", "alice", DUE, null, "HTTP://tracker.example/OPS-1?x=1"))
			.expectSuccessfulHandlerExecution();
	}

	@Test
	void anOpenActionItemIsUpdatedFieldByField() {
		this.fixture.given(stored(withItem()))
			.when(update("bob", LocalDate.parse("2026-12-31")))
			.expectEvents(new ActionItemUpdated(ID, ITEM, null, "bob", LocalDate.parse("2026-12-31"), null, null, null))
			.expectResultMessagePayload(new CommandResult(ID, 5, NOW));
	}

	@Test
	void anUpdateChangesSomething() {
		this.fixture.given(stored(withItem()))
			.when(update(null, null))
			.expectNoEvents()
			.expectException(
					invalid("$", "an update must change at least one of title, owner, dueDate, type, priority, link"));
		this.fixture.given(stored(withItem()))
			.when(update(" ", null))
			.expectNoEvents()
			.expectException(invalid("owner", "owner must not be blank"));
		this.fixture.given(stored(withItem()))
			.when(update(null, LocalDate.parse("2026-01-01")))
			.expectNoEvents()
			.expectException(invalidField("dueDate"));
		this.fixture.given(stored(withItem()))
			.when(new UpdateActionItem(ID, ITEM, null, null, null, null, null, "mailto:ops@example.com", "alice", null,
					"web"))
			.expectNoEvents()
			.expectException(invalidField("link"));
	}

	@Test
	void anUnknownActionItemIsAConflict() {
		UUID other = UUID.fromString("00000000-0000-4000-8000-000000000001");
		String message = "this incident has no action item " + other;
		List<Object> given = stored(withItem());
		this.fixture.given(given)
			.when(new UpdateActionItem(ID, other, "x", null, null, null, null, null, "alice", null, "web"))
			.expectNoEvents()
			.expectException(conflict(message));
		this.fixture.given(given)
			.when(new CompleteActionItem(ID, other, null, "alice", null, "web"))
			.expectNoEvents()
			.expectException(conflict(message));
		this.fixture.given(given)
			.when(new DropActionItem(ID, other, "no longer needed", "alice", null, "web"))
			.expectNoEvents()
			.expectException(conflict(message));
	}

	@Test
	void aCompletedOrDroppedActionItemIsNotUpdated() {
		this.fixture.given(stored(with(withItem(), new ActionItemCompleted(ID, ITEM, null))))
			.when(update("bob", null))
			.expectNoEvents()
			.expectException(conflict("action item " + ITEM + " is completed; it can no longer be updated"));
		this.fixture.given(stored(with(withItem(), new ActionItemDropped(ID, ITEM, "superseded"))))
			.when(update("bob", null))
			.expectNoEvents()
			.expectException(conflict("action item " + ITEM + " is dropped; it can no longer be updated"));
	}

	@Test
	void completingRecordsTheNoteAndCompletingAgainAnswersWithTheFirstCompletion() {
		this.fixture.given(stored(withItem()))
			.when(new CompleteActionItem(ID, ITEM, "canary stage live, see OPS-12", "bob", null, "web"))
			.expectEvents(new ActionItemCompleted(ID, ITEM, "canary stage live, see OPS-12"))
			.expectResultMessagePayload(new CommandResult(ID, 5, NOW));
		List<Timed> completed = with(withItem(), new ActionItemCompleted(ID, ITEM, null));
		this.fixture.given(stored(completed))
			.when(new CompleteActionItem(ID, ITEM, "again", "carol", null, "web"))
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 5, completed.get(4).at()));
	}

	@Test
	void aDroppedActionItemIsNotCompleted() {
		this.fixture.given(stored(with(withItem(), new ActionItemDropped(ID, ITEM, "superseded"))))
			.when(new CompleteActionItem(ID, ITEM, null, "bob", null, "web"))
			.expectNoEvents()
			.expectException(conflict("action item " + ITEM + " was dropped; it cannot be completed"));
	}

	@Test
	void droppingNeedsAReasonAndDroppingAgainAnswersWithTheFirstDrop() {
		this.fixture.given(stored(withItem()))
			.when(new DropActionItem(ID, ITEM, "superseded by OPS-20", "bob", null, "web"))
			.expectEvents(new ActionItemDropped(ID, ITEM, "superseded by OPS-20"));
		this.fixture.given(stored(withItem()))
			.when(new DropActionItem(ID, ITEM, null, "bob", null, "web"))
			.expectNoEvents()
			.expectException(invalid("reason", "reason is missing"));
		List<Timed> dropped = with(withItem(), new ActionItemDropped(ID, ITEM, "superseded"));
		this.fixture.given(stored(dropped))
			.when(new DropActionItem(ID, ITEM, "another reason", "carol", null, "web"))
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 5, dropped.get(4).at()));
	}

	@Test
	void aCompletedActionItemIsNotDropped() {
		this.fixture.given(stored(with(withItem(), new ActionItemCompleted(ID, ITEM, null))))
			.when(new DropActionItem(ID, ITEM, "never mind", "bob", null, "web"))
			.expectNoEvents()
			.expectException(conflict("action item " + ITEM + " is completed; it cannot be dropped"));
	}

	@Test
	void aReviewNeedsTheSummaryTheImpactAndTheRootCause() {
		this.fixture.given(stored(resolved()))
			.when(review())
			.expectNoEvents()
			.expectException(conflict("the postmortem has not been started"));
		this.fixture.given(stored(started()))
			.when(review())
			.expectNoEvents()
			.expectException(conflict(
					"the postmortem cannot be reviewed yet: the sections summary, impact, root_cause must be written first"));
		this.fixture
			.given(stored(with(started(), section(PostmortemSection.SUMMARY, "s"),
					section(PostmortemSection.ROOT_CAUSE, "r"), section(PostmortemSection.LESSONS, "l"))))
			.when(review())
			.expectNoEvents()
			.expectException(
					conflict("the postmortem cannot be reviewed yet: the section impact must be written first"));
	}

	@Test
	void aWrittenPostmortemIsReviewedWithNotes() {
		this.fixture.given(stored(written()))
			.when(review())
			.expectEvents(new PostmortemReviewed(ID, "clear and blameless"));
	}

	@Test
	void onlyAReviewedPostmortemIsPublished() {
		this.fixture.given(stored(written()))
			.when(publish())
			.expectNoEvents()
			.expectException(conflict("the postmortem must be reviewed before it is published"));
		this.fixture.given(stored(resolved()))
			.when(publish())
			.expectNoEvents()
			.expectException(conflict("the postmortem has not been started"));
		this.fixture.given(stored(with(written(), new PostmortemReviewed(ID, null))))
			.when(publish())
			.expectEvents(new PostmortemPublished(ID));
	}

	@Test
	void publishingAgainAnswersWithTheFirstPublication() {
		List<Timed> published = with(written(), new PostmortemReviewed(ID, null), new PostmortemPublished(ID));
		this.fixture.given(stored(published))
			.when(publish())
			.expectNoEvents()
			.expectResultMessagePayload(new CommandResult(ID, 8, published.get(7).at()));
	}

	@Test
	void afterPublicationSectionsAndActionItemsStillChange() {
		List<Timed> published = with(written(), new PostmortemReviewed(ID, null), new PostmortemPublished(ID));
		this.fixture.given(stored(published))
			.when(write(PostmortemSection.LESSONS, "Canaries catch config pushes"))
			.expectEvents(section(PostmortemSection.LESSONS, "Canaries catch config pushes"));
		this.fixture.given(stored(published))
			.when(add("Add a canary stage", "alice", DUE, null, null))
			.expectSuccessfulHandlerExecution();
	}

	private static StartPostmortem start() {
		return new StartPostmortem(ID, "alice", null, "web");
	}

	private static WritePostmortemSection write(PostmortemSection section, String text) {
		return new WritePostmortemSection(ID, section, text, "alice", null, "web");
	}

	private static AddActionItem add(String title, String owner, LocalDate dueDate, ActionItemPriority priority,
			String link) {
		return new AddActionItem(ID, ITEM, title, owner, dueDate, ActionItemType.PREVENT, priority, link, "alice", null,
				"web");
	}

	private static UpdateActionItem update(String owner, LocalDate dueDate) {
		return new UpdateActionItem(ID, ITEM, null, owner, dueDate, null, null, null, "alice", null, "web");
	}

	private static ReviewPostmortem review() {
		return new ReviewPostmortem(ID, "clear and blameless", "carol", null, "web");
	}

	private static PublishPostmortem publish() {
		return new PublishPostmortem(ID, "carol", null, "web");
	}

	private static PostmortemSectionWritten section(PostmortemSection section, String text) {
		return new PostmortemSectionWritten(ID, section, text);
	}

	private static Timed declared() {
		return at(new IncidentDeclared(ID, "Checkout fails", Severity.SEV_1, List.of("checkout"),
				DECLARED.minusSeconds(300), null), DECLARED);
	}

	/**
	 * Declared and resolved: two events.
	 */
	private static List<Timed> resolved() {
		return List.of(declared(), at(new IncidentResolved(ID, "rolled back"), RESOLVED));
	}

	/**
	 * Resolved and its postmortem started at {@link #STARTED}: three events.
	 */
	private static List<Timed> started() {
		return with(resolved(), at(new PostmortemStarted(ID), STARTED));
	}

	/**
	 * Started, with action item {@link #ITEM}: four events.
	 */
	private static List<Timed> withItem() {
		return with(started(), new ActionItemAdded(ID, ITEM, "Add a canary stage", "alice", DUE, ActionItemType.PREVENT,
				ActionItemPriority.P2, null));
	}

	/**
	 * Started, with the summary, the impact and the root cause written: six events.
	 */
	private static List<Timed> written() {
		return with(started(), section(PostmortemSection.SUMMARY, "Checkout failed for 25 minutes."),
				section(PostmortemSection.IMPACT, "All EU customers could not pay."),
				section(PostmortemSection.ROOT_CAUSE, "A config push without a canary."));
	}

	/**
	 * The story with more events, each a minute after the one before.
	 */
	private static List<Timed> with(List<Timed> story, Object... more) {
		List<Timed> all = new ArrayList<>(story);
		for (Object event : more) {
			Timed timed = (event instanceof Timed t) ? t
					: at((IncidentEvent) event, all.get(all.size() - 1).at().plusSeconds(60));
			all.add(timed);
		}
		return all;
	}

}
