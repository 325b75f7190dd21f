package io.incidenttimeline.query.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemCompleted;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.PostmortemPublished;
import io.incidenttimeline.events.PostmortemReviewed;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.query.SignedInActors;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted incident through Kafka, the real consumer and PostgreSQL: declared with a
 * stated detection, acknowledged, mitigated, resolved, its impact start corrected during
 * the review, a postmortem with sections and three action items (one completed), reviewed
 * and published. Its Markdown must equal {@code postmortem/golden-postmortem.md} byte for
 * byte (the incident's random id written as {@code INCIDENT-ID}); run with
 * {@code -Dgolden.update=true} to rewrite the file after an intended change. Beside it a
 * SEV-2 incident resolved and never written up, which the policy finds overdue.
 */
@RunningQueryService
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostmortemIT {

	private static final Path GOLDEN = Path.of("src/test/resources/postmortem/golden-postmortem.md");

	private static final String ALICE = "Alice Martín";

	private static final String CAROL = "Carol Dubois";

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	private final IncidentStory story = new IncidentStory();

	private final IncidentStory owing = new IncidentStory();

	private final UUID canary = UUID.fromString("00000000-0000-4000-8000-000000000001");

	private final UUID alert = UUID.fromString("00000000-0000-4000-8000-000000000002");

	private final UUID runbook = UUID.fromString("00000000-0000-4000-8000-000000000003");

	private boolean sent;

	@Test
	void theScriptedIncidentsMarkdownEqualsTheGoldenFile() throws IOException {
		scriptedIncidentsApplied();

		QueryApi.Answer answer = this.api.get("/api/incidents/" + this.story.id() + "/postmortem.md");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("text/markdown");
		String markdown = answer.body().replace(this.story.id().toString(), "INCIDENT-ID");
		if (Boolean.getBoolean("golden.update")) {
			Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
		}
		assertThat(markdown).as("%s; run with -Dgolden.update=true after an intended change", GOLDEN)
			.isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
		assertThat(this.api.get("/api/incidents/" + this.story.id() + "/postmortem.md").body())
			.as("the same events give the same bytes")
			.isEqualTo(answer.body());
	}

	@Test
	void thePostmortemJsonHasTheHeaderSectionsItemsParticipantsReviewAndPublication() {
		scriptedIncidentsApplied();

		JsonNode postmortem = this.api.get("/api/incidents/" + this.story.id() + "/postmortem").json();

		assertThat(postmortem.path("status").asText()).isEqualTo("published");
		JsonNode header = postmortem.path("header");
		assertThat(header.path("severityReached").asText()).isEqualTo("SEV-1");
		assertThat(header.path("severityDeclared").asText()).isEqualTo("SEV-2");
		assertThat(header.path("impactStartedAt").asText()).isEqualTo("2026-11-16T09:50:00.000000Z");
		assertThat(header.path("impactStartedBy").asText()).isEqualTo("corrected");
		assertThat(header.path("impactEndedAt").asText()).isEqualTo("2026-11-16T11:00:00.000000Z");
		assertThat(header.path("durationMinutes").asLong()).isEqualTo(70);
		assertThat(header.path("detectedAt").asText()).isEqualTo("2026-11-16T09:58:00.000000Z");
		assertThat(header.path("detectionMethod").asText()).isEqualTo("synthetic_check");
		assertThat(header.path("mttd").path("seconds").asDouble()).isEqualTo(480.0);
		assertThat(header.path("mttd").path("kinds").path("detected").asText()).isEqualTo("stated");
		assertThat(header.path("mtta").path("seconds").asDouble()).isEqualTo(420.0);
		assertThat(header.path("mttm").path("seconds").asDouble()).isEqualTo(2400.0);
		assertThat(header.path("mttr").path("seconds").asDouble()).isEqualTo(4200.0);
		assertThat(postmortem.path("missingSections")).extracting(JsonNode::asText)
			.containsExactly("contributing_factors", "where_we_got_lucky", "lessons");
		assertThat(postmortem.path("actionItems")).hasSize(3);
		assertThat(postmortem.path("actionItems").get(0).path("status").asText()).isEqualTo("completed");
		assertThat(postmortem.path("actionItems").get(1).path("overdue").asBoolean()).isTrue();
		assertThat(postmortem.path("review").path("by").asText()).isEqualTo(CAROL);
		assertThat(postmortem.path("publishedAt").asText()).isEqualTo("2026-11-20T10:00:00.000000Z");
		assertThat(postmortem.path("freshness").path("lastAppliedSequence").asLong())
			.isEqualTo(this.story.events().size());
		JsonNode incident = this.api.get("/api/incidents/" + this.story.id()).json();
		assertThat(incident.path("impactStartedAt").asText()).isEqualTo("2026-11-16T09:50:00.000000Z");
		assertThat(incident.path("impactStartedAtAsDeclared").asText()).isEqualTo("2026-11-16T09:55:00.000000Z");
		JsonNode asOfResolution = this.api.get("/api/incidents/" + this.story.id() + "?asOf=2026-11-16T11:01:00Z")
			.json();
		assertThat(asOfResolution.path("impactStartedAt").asText()).as("the correction was not known yet")
			.isEqualTo("2026-11-16T09:55:00.000000Z");
	}

	@Test
	void mttxThroughThePipelineUsesTheStatedDetectionTheCorrectionAndTheSendersAcknowledgement() {
		scriptedIncidentsApplied();

		JsonNode payments = this.api.get("/api/metrics/mttx?service=payments").json();
		JsonNode search = this.api.get("/api/metrics/mttx?service=search").json();
		JsonNode owing = this.api.get("/api/incidents/" + this.owing.id()).json();

		assertThat(payments.path("detectedBy").path("stated").asLong()).isEqualTo(1);
		JsonNode mttd = payments.path("figures").get(0);
		assertThat(mttd.path("metric").asText()).isEqualTo("mttd");
		assertThat(mttd.path("medianSeconds").asDouble()).isEqualTo(480.0);
		assertThat(mttd.path("kinds").path("impactStarted").path("corrected").asLong()).isEqualTo(1);
		assertThat(mttd.path("kinds").path("detected").path("stated").asLong()).isEqualTo(1);
		assertThat(payments.path("figures").get(3).path("medianSeconds").asDouble()).as("mttr from the corrected start")
			.isEqualTo(4200.0);
		assertThat(search.path("acknowledgedBy").path("sender").asLong()).isEqualTo(1);
		assertThat(search.path("figures").get(1).path("medianSeconds").asDouble()).as("mtta: 3 minutes")
			.isEqualTo(180.0);
		assertThat(owing.path("acknowledgedAt").asText()).isEqualTo("2026-11-20T15:03:00.000000Z");
		assertThat(owing.path("acknowledgement").path("by").asText()).isEqualTo("pagerduty");
	}

	@Test
	void anOpenIncidentHasNoPostmortemAndAResolvedOneADraft() {
		scriptedIncidentsApplied();
		IncidentStory open = new IncidentStory();
		this.topic.send(open.declared());
		eventually().until(() -> this.api.get("/api/incidents/" + open.id()).status() == 200);

		assertThat(this.api.get("/api/incidents/" + open.id() + "/postmortem").status()).isEqualTo(404);
		assertThat(this.api.get("/api/incidents/not-a-uuid/postmortem").status()).isEqualTo(400);
		JsonNode draft = this.api.get("/api/incidents/" + this.owing.id() + "/postmortem").json();
		assertThat(draft.path("status").asText()).isEqualTo("draft");
		assertThat(draft.path("missingSections")).hasSize(8);
		assertThat(this.api.get("/api/incidents/" + this.owing.id() + "/postmortem.md").body())
			.contains("## Summary\n\n_Not written yet._");
	}

	@Test
	void actionItemsFilterByOwnerStatusTypeOverdueAndService() {
		scriptedIncidentsApplied();

		assertThat(titles("/api/action-items")).containsExactly("Canary every checkout config change",
				"Alert on payments timeouts", "Runbook for the payments failover");
		assertThat(titles("/api/action-items?status=open")).containsExactly("Alert on payments timeouts",
				"Runbook for the payments failover");
		assertThat(titles("/api/action-items?overdue=true")).containsExactly("Alert on payments timeouts");
		assertThat(titles("/api/action-items?owner=dave&type=detect&service=checkout"))
			.containsExactly("Alert on payments timeouts");
		assertThat(titles("/api/action-items?service=search")).isEmpty();
		QueryApi.Answer bad = this.api.get("/api/action-items?status=closed&overdue=maybe&type=fix");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactlyInAnyOrder("status", "overdue", "type");
	}

	@Test
	void theDueListHoldsResolvedSevOneAndTwoIncidentsWithoutAPublishedPostmortem() {
		scriptedIncidentsApplied();

		JsonNode due = this.api.get("/api/postmortems/due").json();

		assertThat(due.path("policy").path("severities")).extracting(JsonNode::asText)
			.containsExactly("SEV-1", "SEV-2");
		assertThat(due.path("policy").path("businessDays").asInt()).isEqualTo(5);
		assertThat(due.path("items")).singleElement().satisfies((item) -> {
			assertThat(item.path("incidentId").asText()).isEqualTo(this.owing.id().toString());
			assertThat(item.path("resolvedAt").asText()).isEqualTo("2026-11-20T16:00:00.000000Z");
			assertThat(item.path("dueAt").asText()).as("a Friday: five business days later is the next Friday")
				.isEqualTo("2026-11-27T16:00:00.000000Z");
			assertThat(item.path("overdue").asBoolean()).isTrue();
			assertThat(item.path("status").asText()).isEqualTo("draft");
		});
	}

	@Test
	void gaugesCountOpenAndOverdueActionItemsAndOverduePostmortemsAndARebuildGivesTheSameDocument() {
		scriptedIncidentsApplied();
		String before = this.api.get("/api/incidents/" + this.story.id() + "/postmortem.md").body();

		assertThat(gauge("incident_action_items_open")).isEqualTo(2.0);
		assertThat(gauge("incident_action_items_overdue")).isEqualTo(1.0);
		assertThat(gauge("incident_postmortems_overdue")).isEqualTo(1.0);

		QueryApi.Answer rebuilt = this.api.admin().post("/api/admin/projections/postmortems/rebuild");
		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(this.api.get("/api/incidents/" + this.story.id() + "/postmortem.md").body()).isEqualTo(before);
		assertThat(titles("/api/action-items")).hasSize(3);
	}

	private List<String> titles(String path) {
		QueryApi.Answer answer = this.api.get(path);
		assertThat(answer.status()).as(path).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		answer.json().path("items").forEach((item) -> titles.add(item.path("title").asText()));
		return titles;
	}

	private double gauge(String name) {
		Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$")
			.matcher(this.api.management().get("/actuator/prometheus").body());
		assertThat(value.find()).as(name).isTrue();
		return Double.parseDouble(value.group(1));
	}

	private synchronized void scriptedIncidentsApplied() {
		if (this.sent) {
			return;
		}
		this.sent = true;
		IncidentStory s = this.story;
		List<EventEnvelope> events = new ArrayList<>();
		events.add(alice(s.at("2026-11-16T10:00:00Z")
			.next(new IncidentDeclared(s.incident(), "Payments time out at checkout", Severity.SEV_2,
					List.of("checkout", "payments"), Instant.parse("2026-11-16T09:55:00Z"), "alice", null,
					Instant.parse("2026-11-16T09:58:00Z"), DetectionMethod.SYNTHETIC_CHECK))));
		events.add(bob(s.at("2026-11-16T10:05:00Z").acknowledged()));
		events.add(
				alice(s.at("2026-11-16T10:08:00Z").severity(Severity.SEV_2, Severity.SEV_1, "All card payments fail")));
		events
			.add(bob(s.at("2026-11-16T10:20:00Z").mitigation(MitigationKind.ROLLBACK, "Rolled back payments to v88")));
		events.add(carol(
				s.at("2026-11-16T10:25:00Z").publicUpdate("Card payments fail; we rolled back and are watching.")));
		events.add(bob(s.at("2026-11-16T10:30:00Z").status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING)));
		events.add(alice(s.at("2026-11-16T11:00:00Z").resolved("Payments healthy for 30 minutes")));
		events.add(carol(s.at("2026-11-17T14:00:00Z")
			.next(new KeyMomentCorrected(s.incident(), KeyMoment.IMPACT_STARTED, Instant.parse("2026-11-16T09:50:00Z"),
					"Payment logs show timeouts from 09:50"))));
		events.add(alice(s.at("2026-11-17T14:05:00Z").next(new PostmortemStarted(s.incident()))));
		events.add(alice(s.at("2026-11-17T14:10:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.SUMMARY,
					"For 70 minutes most card payments at checkout timed out."))));
		events.add(alice(s.at("2026-11-17T14:15:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.IMPACT,
					"Most customers paying by card could not complete checkout; about 4,000 orders failed."))));
		events.add(alice(s.at("2026-11-17T14:20:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.ROOT_CAUSE,
					"Trigger: a config change lowered the payments timeout to 100 ms.\n"
							+ "Latent defect: the client retried without backoff.\n"
							+ "Missing guardrail: config changes skip the canary."))));
		events.add(carol(s.at("2026-11-17T14:25:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.ROOT_CAUSE,
					"Trigger: a config change lowered the payments timeout to 100 ms.\n"
							+ "Latent defect: the payments client retried without backoff.\n"
							+ "Missing guardrail: config changes skip the canary stage."))));
		events.add(alice(s.at("2026-11-17T14:30:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.WHAT_WENT_WELL,
					"The synthetic check caught it before customers reported it."))));
		events.add(alice(s.at("2026-11-17T14:35:00Z")
			.next(new PostmortemSectionWritten(s.incident(), PostmortemSection.WHAT_WENT_POORLY,
					"The rollback took 20 minutes | the runbook was out of date."))));
		events.add(alice(s.at("2026-11-17T14:40:00Z")
			.next(new ActionItemAdded(s.incident(), this.canary, "Canary every checkout config change", "erin",
					LocalDate.parse("2026-11-25"), ActionItemType.PREVENT, ActionItemPriority.P1,
					"https://tracker.example/PAY-201"))));
		events.add(alice(s.at("2026-11-17T14:45:00Z")
			.next(new ActionItemAdded(s.incident(), this.alert, "Alert on payments timeouts", "dave",
					LocalDate.parse("2026-11-30"), ActionItemType.DETECT, ActionItemPriority.P2, null))));
		events.add(alice(s.at("2026-11-17T14:50:00Z")
			.next(new ActionItemAdded(s.incident(), this.runbook, "Runbook for the payments failover", "alice",
					LocalDate.parse("2099-01-15"), ActionItemType.MITIGATE, ActionItemPriority.P3, null))));
		events.add(s.at("2026-11-19T09:00:00Z")
			.by("erin")
			.next(new ActionItemCompleted(s.incident(), this.canary, "Canary stage runs on every config change")));
		events.add(carol(s.at("2026-11-20T09:30:00Z")
			.next(new PostmortemReviewed(s.incident(), "Clear chain from trigger to guardrail"))));
		events.add(carol(s.at("2026-11-20T10:00:00Z").next(new PostmortemPublished(s.incident()))));
		this.topic.send(events.toArray(EventEnvelope[]::new));

		this.topic.send(this.owing.at("2026-11-20T15:00:00Z").declared(Severity.SEV_2, "Search is down", "search"),
				this.owing.at("2026-11-20T15:03:00Z").by("pagerduty").alertAcknowledged("pagerduty", "dk-search"),
				this.owing.at("2026-11-20T16:00:00Z").resolved("Restarted search"));

		eventually().until(() -> this.api.get("/api/incidents/" + this.story.id())
			.json()
			.path("lastSequence")
			.asLong() == this.story.events().size()
				&& this.api.get("/api/incidents/" + this.owing.id()).json().path("lastSequence").asLong() == 3);
	}

	private static EventEnvelope alice(EventEnvelope event) {
		return SignedInActors.actedBy(event, "alice", ALICE);
	}

	private static EventEnvelope bob(EventEnvelope event) {
		return SignedInActors.actedBy(event, "bob", "Bob Ødegård");
	}

	private static EventEnvelope carol(EventEnvelope event) {
		return SignedInActors.actedBy(event, "carol", CAROL);
	}

}
