package io.incidenttimeline.command.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.incidenttimeline.command.incident.web.KeyMomentsApiIT.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem over HTTP (issue #11): responders start it, write its sections and its
 * action items, commanders review and publish it. Bad input is a 400 naming the field, a
 * state that does not allow it a 409, a missing role a 403 (all problem JSON, nothing
 * stored); repeated starts, completions, drops and publications answer with the first;
 * retries with an Idempotency-Key answer with the first response.
 */
@CommandServiceIT
class PostmortemApiIT {

	static final String ITEM = """
			{"title":"Add a canary stage","owner":"alice","dueDate":"2099-12-31","type":"prevent"}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CommandApi alice;

	CommandApi carol;

	@BeforeEach
	void setUp() {
		this.alice = new CommandApi(this.port);
		this.carol = this.alice.as("carol");
	}

	@Test
	void aPostmortemIsWrittenReviewedAndPublished() {
		String id = resolvedIncident();
		List<Response> recorded = new ArrayList<>();

		Response started = this.alice.post(path(id, "postmortem"), "{}");
		recorded.add(started);
		assertThat(this.alice.post(path(id, "postmortem"), "{}").body()).as("a second start answers with the first")
			.isEqualTo(started.body());
		for (String section : List.of("summary", "impact", "root_cause")) {
			recorded.add(this.alice.put(path(id, "postmortem/sections/" + section), """
					{"text":"Written in\\ntwo lines."}"""));
		}
		Response added = this.alice.post(path(id, "action-items"), """
				{"title":"Add a canary stage","owner":"alice","dueDate":"2099-12-31","type":"prevent",
				 "priority":"P1","link":"https://tracker.example/OPS-12"}""");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String item = added.json().get("actionItemId").asString();
		assertThat(UUID.fromString(item)).isNotNull();
		assertThat(added.headers().getLocation()).hasToString("/api/incidents/" + id + "/action-items/" + item);
		recorded.add(added);
		recorded.add(this.alice.patch(path(id, "action-items/" + item), """
				{"owner":"bob","dueDate":"2099-11-30"}"""));
		Response completed = this.alice.post(path(id, "action-items/" + item + "/completion"), """
				{"note":"canary stage live"}""");
		recorded.add(completed);
		assertThat(this.alice.post(path(id, "action-items/" + item + "/completion"), "{}").body())
			.as("a second completion answers with the first")
			.isEqualTo(completed.body());
		String second = this.alice.post(path(id, "action-items"), ITEM).json().get("actionItemId").asString();
		Response dropped = this.alice.post(path(id, "action-items/" + second + "/drop"), """
				{"reason":"superseded by OPS-20"}""");
		assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
		assertThat(this.alice.post(path(id, "action-items/" + second + "/drop"), """
				{"reason":"again"}""").body()).as("a second drop answers with the first").isEqualTo(dropped.body());
		recorded.add(this.carol.post(path(id, "postmortem/review"), """
				{"notes":"blameless and clear"}"""));
		Response published = this.carol.post(path(id, "postmortem/publication"), "{}");
		recorded.add(published);
		assertThat(this.carol.post(path(id, "postmortem/publication"), "{}").body())
			.as("a second publication answers with the first")
			.isEqualTo(published.body());
		for (Response response : recorded) {
			assertThat(response.status()).as(response.body()).isIn(200, 201);
		}

		JsonNode events = this.alice.get(path(id, "events")).json();
		List<String> types = new ArrayList<>();
		events.forEach((event) -> types.add(event.get("type").asString()));
		assertThat(types).containsExactly("IncidentDeclared", "IncidentResolved", "PostmortemStarted",
				"PostmortemSectionWritten", "PostmortemSectionWritten", "PostmortemSectionWritten", "ActionItemAdded",
				"ActionItemUpdated", "ActionItemCompleted", "ActionItemAdded", "ActionItemDropped",
				"PostmortemReviewed", "PostmortemPublished");
		JsonNode addedEvent = events.get(6).get("payload");
		assertThat(addedEvent.get("actionItemId").asString()).isEqualTo(item);
		assertThat(addedEvent.get("priority").asString()).isEqualTo("P1");
		assertThat(addedEvent.get("dueDate").asString()).isEqualTo("2099-12-31");
		assertThat(events.get(9).get("payload").get("priority").asString()).as("the default priority").isEqualTo("P2");
		assertThat(events.get(7).get("payload").get("title").isNull()).as("an update names only what changed").isTrue();
		assertThat(events.get(11).get("actor").asString()).as("the reviewer").isEqualTo("carol");
	}

	@Test
	void responderWriteAndCommandersSignOff() {
		String id = resolvedIncident();
		CommandApi victor = this.alice.as("victor");

		assertForbidden(victor.post(path(id, "postmortem"), "{}"));
		this.alice.post(path(id, "postmortem"), "{}");
		assertForbidden(victor.put(path(id, "postmortem/sections/summary"), "{\"text\":\"x\"}"));
		assertForbidden(victor.post(path(id, "action-items"), ITEM));
		for (String section : List.of("summary", "impact", "root_cause")) {
			this.alice.put(path(id, "postmortem/sections/" + section), "{\"text\":\"x\"}");
		}
		long before = storedEvents(id);
		assertForbidden(this.alice.post(path(id, "postmortem/review"), "{}"));
		assertForbidden(this.alice.post(path(id, "postmortem/publication"), "{}"));
		assertThat(storedEvents(id)).isEqualTo(before);
	}

	@Test
	void badInputIsRejectedNamingTheFieldAndStoresNothing() {
		String id = startedPostmortem();
		String item = this.alice.post(path(id, "action-items"), ITEM).json().get("actionItemId").asString();
		long before = storedEvents(id);

		Response section = this.alice.put(path(id, "postmortem/sections/background"), "{\"text\":\"x\"}");
		assertBadInput(section, "section");
		assertThat(section.json().get("errors").get(0).get("message").asString()).isEqualTo(
				"must be one of summary, impact, root_cause, contributing_factors, what_went_well, what_went_poorly, where_we_got_lucky, lessons");
		assertBadInput(this.alice.put(path(id, "postmortem/sections/summary"), "{\"text\":\" \"}"), "text");
		assertBadInput(this.alice.put(path(id, "postmortem/sections/summary"), "{\"text\":\"x\",\"by\":\"bob\"}"),
				"by");
		assertBadInput(this.alice.post(path(id, "postmortem"), "{\"force\":true}"), "force");
		assertBadInput(this.alice.post(path(id, "action-items"), """
				{"title":"Add a canary stage","dueDate":"2099-12-31","type":"prevent"}"""), "owner");
		Response date = this.alice.post(path(id, "action-items"), ITEM.replace("2099-12-31", "12/31/2099"));
		assertBadInput(date, "dueDate");
		assertThat(date.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a date, yyyy-MM-dd");
		assertBadInput(this.alice.post(path(id, "action-items"), ITEM.replace("2099-12-31", "2001-01-01")), "dueDate");
		assertBadInput(this.alice.post(path(id, "action-items"), ITEM.replace("prevent", "fix")), "type");
		assertBadInput(
				this.alice.post(path(id, "action-items"), ITEM.replace("}", ",\"link\":\"ftp://tracker.example/1\"}")),
				"link");
		assertBadInput(this.alice.post(path(id, "action-items"), ITEM.replace("}", ",\"priority\":\"P0\"}")),
				"priority");
		assertBadInput(this.alice.patch(path(id, "action-items/" + item), "{}"), "$");
		assertBadInput(this.alice.patch(path(id, "action-items/" + item), "{\"owner\":\" \"}"), "owner");
		assertBadInput(this.alice.patch(path(id, "action-items/not-a-uuid"), "{\"owner\":\"bob\"}"), "itemId");
		assertBadInput(this.alice.post(path(id, "action-items/" + item + "/drop"), "{}"), "reason");

		assertThat(storedEvents(id)).isEqualTo(before);
	}

	@Test
	void whatTheLifecycleDoesNotAllowIsAConflict() {
		String open = this.alice.declare();
		assertConflict(this.alice.post(path(open, "postmortem"), "{}"),
				"a postmortem starts once the incident is resolved; this one is investigating");

		String id = resolvedIncident();
		assertConflict(this.alice.put(path(id, "postmortem/sections/summary"), "{\"text\":\"x\"}"),
				"the postmortem has not been started");
		this.alice.post(path(id, "postmortem"), "{}");
		assertConflict(this.carol.post(path(id, "postmortem/review"), "{}"),
				"the postmortem cannot be reviewed yet: the sections summary, impact, root_cause must be written first");
		assertConflict(this.carol.post(path(id, "postmortem/publication"), "{}"),
				"the postmortem must be reviewed before it is published");
		UUID unknown = UUID.randomUUID();
		assertConflict(this.alice.patch(path(id, "action-items/" + unknown), "{\"owner\":\"bob\"}"),
				"this incident has no action item " + unknown);
		String item = this.alice.post(path(id, "action-items"), ITEM).json().get("actionItemId").asString();
		this.alice.post(path(id, "action-items/" + item + "/completion"), "{}");
		assertConflict(this.alice.patch(path(id, "action-items/" + item), "{\"owner\":\"bob\"}"),
				"action item " + item + " is completed; it can no longer be updated");
		assertConflict(this.alice.post(path(id, "action-items/" + item + "/drop"), "{\"reason\":\"x\"}"),
				"action item " + item + " is completed; it cannot be dropped");
	}

	@Test
	void aRetriedActionItemIsAddedOnceUnderTheSameId() {
		String id = startedPostmortem();
		String key = UUID.randomUUID().toString();

		Response first = this.alice.post(path(id, "action-items"), ITEM, "Idempotency-Key", key);
		Response retry = this.alice.post(path(id, "action-items"), ITEM, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
				+ "AND payload_type = 'io.incidenttimeline.events.ActionItemAdded'", Long.class, id))
			.isEqualTo(1);
	}

	@Test
	void startingAndPublishingTakeNoBodyToo() {
		String id = resolvedIncident();

		Response started = this.alice.post(path(id, "postmortem"), MediaType.APPLICATION_JSON, "");

		assertThat(started.status()).as(started.body()).isEqualTo(200);
	}

	@Test
	void theApiDescriptionSpellsSectionsAsTheBodiesDo() {
		JsonNode docs = this.alice.get("/v3/api-docs").json();
		JsonNode put = docs.get("paths").get("/api/incidents/{incidentId}/postmortem/sections/{section}").get("put");
		List<String> sections = new ArrayList<>();
		put.get("parameters").forEach((parameter) -> {
			if ("section".equals(parameter.get("name").asString())) {
				parameter.get("schema").get("enum").forEach((value) -> sections.add(value.asString()));
			}
		});
		assertThat(sections).containsExactly("summary", "impact", "root_cause", "contributing_factors",
				"what_went_well", "what_went_poorly", "where_we_got_lucky", "lessons");
	}

	private String resolvedIncident() {
		String id = this.alice.declare();
		Response resolved = this.carol.post(path(id, "resolution"), "{}");
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		return id;
	}

	private String startedPostmortem() {
		String id = resolvedIncident();
		Response started = this.alice.post(path(id, "postmortem"), "{}");
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		return id;
	}

	private static void assertForbidden(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static void assertConflict(Response response, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.json().get("detail").asString()).isEqualTo(detail);
	}

	private long storedEvents(String incidentId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
				Long.class, incidentId);
	}

	private static String path(String id, String action) {
		return "/api/incidents/" + id + "/" + action;
	}

}
