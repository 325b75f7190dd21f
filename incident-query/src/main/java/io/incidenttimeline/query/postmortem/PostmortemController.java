package io.incidenttimeline.query.postmortem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.EventHistory;
import io.incidenttimeline.query.consuming.Freshness;
import io.incidenttimeline.query.consuming.StoredEvent;
import io.incidenttimeline.query.metrics.KeyMoments;
import io.incidenttimeline.query.web.UnknownResource;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The postmortem of a resolved incident as JSON and as a blameless Markdown document, the
 * action items across incidents, and the postmortems owed under the policy.
 */
@RestController
class PostmortemController {

	static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

	private final PostmortemRepository postmortems;

	private final EventHistory history;

	private final ConsumerProgress progress;

	private final MarkdownDocument markdown;

	private final DuePostmortems due;

	private final Clock clock;

	PostmortemController(PostmortemRepository postmortems, EventHistory history, ConsumerProgress progress,
			MarkdownDocument markdown, DuePostmortems due, Clock clock) {
		this.postmortems = postmortems;
		this.history = history;
		this.progress = progress;
		this.markdown = markdown;
		this.due = due;
		this.clock = clock;
	}

	@GetMapping("/api/incidents/{id}/postmortem")
	ResponseEntity<PostmortemView> postmortem(@PathVariable IncidentId id) {
		Freshness freshness = this.progress.of(id);
		return ResponseEntity.ok()
			.header(Freshness.LAST_APPLIED_SEQUENCE_HEADER, String.valueOf(freshness.lastAppliedSequence()))
			.body(new PostmortemView(document(id), freshness));
	}

	@GetMapping(path = "/api/incidents/{id}/postmortem.md", produces = "text/markdown;charset=UTF-8")
	ResponseEntity<String> markdown(@PathVariable IncidentId id) {
		return ResponseEntity.ok().contentType(MARKDOWN).body(this.markdown.render(document(id)));
	}

	@GetMapping("/api/action-items")
	ActionItems actionItems(@Valid ActionItemFilter filter) {
		return new ActionItems(this.postmortems.actionItems(filter, today()));
	}

	@GetMapping("/api/postmortems/due")
	DueList duePostmortems() {
		return new DueList(this.due.policy(), this.due.list());
	}

	PostmortemDocument document(IncidentId id) {
		Postmortem postmortem = this.postmortems.find(id.value())
			.filter(Postmortem::exists)
			.orElseThrow(() -> new UnknownResource(
					"no postmortem for incident " + id + ": it exists once the incident is resolved"));
		List<StoredEvent> events = this.history.of(id);
		KeyMoments moments = KeyMoments
			.of(events.stream().filter(StoredEvent::known).map(StoredEvent::envelope).toList())
			.orElseThrow(() -> new UnknownResource("no incident " + id));
		return PostmortemDocument.of(postmortem, moments, events, today());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * The document with the consumer's progress on the incident.
	 */
	record PostmortemView(@com.fasterxml.jackson.annotation.JsonUnwrapped PostmortemDocument postmortem,
			Freshness freshness) {
	}

	record ActionItems(List<ActionItemListing> items) {
	}

	record DueList(DuePostmortems.Policy policy, List<DuePostmortem> items) {
	}

}
