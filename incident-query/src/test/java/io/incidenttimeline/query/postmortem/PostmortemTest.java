package io.incidenttimeline.query.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.query.consuming.StoredEvent;
import io.incidenttimeline.query.metrics.KeyMoments;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostmortemTest {

	@Test
	void theGoldenPostmortemStoryFoldsIntoSectionsItemsReviewAndPublication() {
		Postmortem postmortem = fold(golden());

		assertThat(postmortem.status()).isEqualTo("published");
		assertThat(postmortem.severityReached().label()).isEqualTo("SEV-1");
		assertThat(postmortem.severityDeclared().label()).isEqualTo("SEV-2");
		assertThat(postmortem.sections()).singleElement()
			.extracting(Postmortem.Section::section, Postmortem.Section::revisions, Postmortem.Section::lastRevisedBy)
			.containsExactly(PostmortemSection.ROOT_CAUSE, 1, "carol");
		assertThat(postmortem.actionItems())
			.extracting(Postmortem.ActionItem::owner, Postmortem.ActionItem::dueDate, Postmortem.ActionItem::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("erin", LocalDate.parse("2026-12-11"), "completed"),
					org.assertj.core.groups.Tuple.tuple("dave", LocalDate.parse("2026-12-18"), "dropped"));
		assertThat(postmortem.review().by()).isEqualTo("ada");
		assertThat(postmortem.publishedAt()).isEqualTo("2026-12-01T10:05:00Z");
		assertThat(postmortem.participants()).extracting(Postmortem.Participant::actor)
			.contains("alice", "bob", "carol", "ada", "erin");
		assertThat(postmortem.participants()).filteredOn((p) -> p.actor().equals("carol"))
			.singleElement()
			.extracting(Postmortem.Participant::roles)
			.isEqualTo(List.of("comms_lead"));
	}

	@Test
	void aResolvedIncidentHasADraftAndAnOpenOneNone() {
		IncidentStory story = new IncidentStory();
		story.declared();
		assertThat(fold(story.events()).status()).isEqualTo("none");
		story.resolved("fixed");
		assertThat(fold(story.events()).status()).isEqualTo("draft");
		story.next(new PostmortemStarted(story.incident()));
		assertThat(fold(story.events()).status()).isEqualTo("draft");
		story.next(new PostmortemSectionWritten(story.incident(), PostmortemSection.SUMMARY, "First"));
		story.next(new PostmortemSectionWritten(story.incident(), PostmortemSection.SUMMARY, "Second"));
		Postmortem written = fold(story.events());
		assertThat(written.status()).isEqualTo("in_progress");
		assertThat(written.sections()).singleElement()
			.extracting(Postmortem.Section::text, Postmortem.Section::revisions)
			.containsExactly("Second", 2);
		story.reopened("back");
		assertThat(fold(story.events()).exists()).as("a reopening leaves the postmortem").isTrue();
	}

	@Test
	void aChangeAfterPublicationIsShownAsARevision() {
		List<EventEnvelope> events = golden();
		EventEnvelope last = events.get(events.size() - 1);
		events.add(new EventEnvelope(UUID.randomUUID(), last.incidentId(), last.sequence() + 1,
				Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T09:00:00.1Z"), "carol", "web",
				new PostmortemSectionWritten(last.incidentId(), PostmortemSection.LESSONS, "Canary everything")));

		Postmortem revised = fold(events);

		assertThat(revised.status()).isEqualTo("published");
		assertThat(revised.revisedAfterPublication()).isTrue();
		assertThat(fold(golden()).revisedAfterPublication()).isFalse();
	}

	@Test
	void theMarkdownDocumentIsTheSameBytesForTheSameEventsWithPlaceholdersForMissingSections() {
		String first = markdown(golden());
		String second = markdown(golden());

		assertThat(first).isEqualTo(second);
		assertThat(first).startsWith("# Postmortem: Checkout returns HTTP 500\n")
			.contains("## Summary\n\n_Not written yet._")
			.contains("## Root cause\n\nA config change removed the payments timeout.\nNo canary caught it.")
			.contains("| [Canary every checkout config change](https://tracker.example/PAY-101) | erin | 2026-12-11 "
					+ "| prevent | P1 | completed |")
			.contains("| 2026-11-20T09:55:00.000000Z | — | — | Impact started (corrected) |")
			.contains(
					"| 2026-11-23T15:00:00.000000Z | 2026-11-23T15:00:00.121314Z | carol | Impact started corrected from "
							+ "2026-11-20T09:58:30.250000Z to 2026-11-20T09:55:00.000000Z: Error logs show failures from 09:55 |")
			.doesNotContain("overdue");
	}

	@Test
	void aPostmortemIsDueFiveBusinessDaysAfterTheResolutionSkippingTheWeekend() {
		PostmortemSettings settings = new PostmortemSettings(List.of("SEV-1", "SEV-2"), 5);

		assertThat(settings.dueAt(Instant.parse("2026-11-20T12:00:00Z"))).as("a Friday")
			.isEqualTo("2026-11-27T12:00:00Z");
		assertThat(settings.dueAt(Instant.parse("2026-11-21T08:00:00Z"))).as("a Saturday")
			.isEqualTo("2026-11-27T08:00:00Z");
		assertThat(settings.dueAt(Instant.parse("2026-11-23T09:00:00Z"))).as("a Monday")
			.isEqualTo("2026-11-30T09:00:00Z");
		assertThat(new PostmortemSettings(List.of("SEV-1"), 1).dueAt(Instant.parse("2026-11-20T12:00:00Z")))
			.isEqualTo("2026-11-23T12:00:00Z");
	}

	static String markdown(List<EventEnvelope> events) {
		List<StoredEvent> stored = events.stream()
			.map((e) -> new StoredEvent(e.sequence(), e.eventId(), e.type().name(), e.schemaVersion(), e.occurredAt(),
					e.recordedAt(), e.actor(), e.actorName(), e.source(), e, null))
			.toList();
		PostmortemDocument document = PostmortemDocument.of(fold(events), KeyMoments.of(events).orElseThrow(), stored,
				LocalDate.parse("2027-01-01"));
		return new MarkdownDocument().render(document);
	}

	private static List<EventEnvelope> golden() {
		List<EventEnvelope> events = new ArrayList<>(GoldenVectors.all().values());
		events.addAll(GoldenVectors.postmortemStory().values());
		return events;
	}

	private static Postmortem fold(List<EventEnvelope> events) {
		return Postmortem.EVENTS.fold(events).orElseThrow();
	}

}
