package io.incidenttimeline.query.statuspage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

@RunningQueryService
@TestPropertySource(properties = { "incident-query.status-page.id=it-page",
		"incident-query.status-page.name=Example & Co", "incident-query.status-page.url=https://status.example.com",
		"incident-query.status-page.time-zone=Europe/Berlin" })
class StatusPageIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final List<String> PUBLIC_PATHS = List.of("/api/v2/status.json", "/api/v2/summary.json",
			"/api/v2/components.json", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/status",
			"/status/history.atom");

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	MutableClock clock;

	@AfterEach
	void systemClock() {
		this.clock.reset();
	}

	@Test
	void statuspageDocumentsHaveTheDocumentedFieldsTypesAndValues() {
		String component = component("checkout");
		IncidentStory open = new IncidentStory();
		EventEnvelope declared = open.declared(Severity.SEV_2, "Checkout errors", component);
		EventEnvelope identified = open.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
		EventEnvelope update = open.publicUpdate("A bad deploy; rolling back now.");
		EventEnvelope monitoring = open.status(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);
		IncidentStory over = new IncidentStory();
		EventEnvelope overDeclared = over.declared(Severity.SEV_3, "Slow search", component);
		EventEnvelope resolved = over.resolved("Caches warmed up");
		send(declared, identified, update, monitoring, overDeclared, resolved);

		JsonNode incidents = eventually().until(() -> this.api.get("/api/v2/incidents.json").json(),
				(doc) -> updatesOf(doc, open.id()) == 4 && updatesOf(doc, over.id()) == 2);
		JsonNode unresolved = this.api.get("/api/v2/incidents/unresolved.json").json();
		JsonNode summary = this.api.get("/api/v2/summary.json").json();
		JsonNode status = this.api.get("/api/v2/status.json").json();
		JsonNode components = this.api.get("/api/v2/components.json").json();

		JsonNode documentedSummary = documented("summary.json");
		JsonNode documentedIncidents = documented("incidents.json");
		assertThat(JsonShape.differences(documentedSummary, summary)).isEmpty();
		assertThat(JsonShape.differences(documentedIncidents, incidents)).isEmpty();
		assertThat(JsonShape.differences(documentedIncidents, unresolved)).isEmpty();
		assertThat(JsonShape.differences(only(documentedSummary, "page", "status"), status)).isEmpty();
		assertThat(JsonShape.differences(only(documentedSummary, "page", "components"), components)).isEmpty();

		JsonNode page = summary.path("page");
		assertThat(page.path("id").asText()).isEqualTo("it-page");
		assertThat(page.path("name").asText()).isEqualTo("Example & Co");
		assertThat(page.path("url").asText()).isEqualTo("https://status.example.com");
		assertThat(page.path("time_zone").asText()).isEqualTo("Europe/Berlin");
		assertThat(summary.path("scheduled_maintenances")).isEmpty();

		JsonNode incident = withId(unresolved.path("incidents"), open.id().toString());
		assertThat(incident.path("name").asText()).isEqualTo("Checkout errors");
		assertThat(incident.path("status").asText()).isEqualTo("monitoring");
		assertThat(incident.path("impact").asText()).isEqualTo("major");
		assertThat(incident.path("created_at").asText()).isEqualTo(Timestamps.format(declared.occurredAt()));
		assertThat(incident.path("started_at").asText()).isEqualTo("2026-11-21T07:55:00.000001Z");
		assertThat(incident.path("monitoring_at").asText()).isEqualTo(Timestamps.format(monitoring.occurredAt()));
		assertThat(incident.path("updated_at").asText()).isEqualTo(Timestamps.format(monitoring.occurredAt()));
		assertThat(incident.path("resolved_at").isNull()).isTrue();
		assertThat(incident.path("page_id").asText()).isEqualTo("it-page");
		assertThat(incident.path("shortlink").asText()).isEqualTo("https://status.example.com#incident-" + open.id());
		assertThat(incident.path("components")).hasSize(1);
		assertThat(incident.path("components").get(0).path("name").asText()).isEqualTo(component);
		assertThat(incident.path("components").get(0).path("status").asText()).isEqualTo("partial_outage");
		assertThat(withId(summary.path("incidents"), open.id().toString())).isEqualTo(incident);
		assertThat(withId(summary.path("incidents"), over.id().toString())).isNull();

		JsonNode updates = incident.path("incident_updates");
		assertThat(updates.findValuesAsText("status")).containsExactly("monitoring", "identified", "identified",
				"investigating");
		assertThat(updates.get(0).path("body").asText())
			.isEqualTo("A fix has been implemented and we are monitoring the results.");
		assertThat(updates.get(1).path("body").asText()).isEqualTo("A bad deploy; rolling back now.");
		assertThat(updates.get(1).path("id").asText()).isEqualTo(update.eventId().toString());
		assertThat(updates.get(1).path("incident_id").asText()).isEqualTo(open.id().toString());
		assertThat(updates.get(1).path("created_at").asText()).isEqualTo(Timestamps.format(update.occurredAt()));
		assertThat(updates.get(1).path("display_at").asText()).isEqualTo(Timestamps.format(update.occurredAt()));
		assertThat(updates.get(3).path("body").asText()).isEqualTo("We are investigating this issue.");
		JsonNode affected = updates.get(3).path("affected_components").get(0);
		assertThat(affected.path("code").asText()).isEqualTo(incident.path("components").get(0).path("id").asText());
		assertThat(affected.path("name").asText()).isEqualTo(component);
		assertThat(affected.path("old_status").asText()).isEqualTo("operational");
		assertThat(affected.path("new_status").asText()).isEqualTo("partial_outage");

		JsonNode past = withId(incidents.path("incidents"), over.id().toString());
		assertThat(past.path("status").asText()).isEqualTo("resolved");
		assertThat(past.path("impact").asText()).isEqualTo("minor");
		assertThat(past.path("resolved_at").asText()).isEqualTo(Timestamps.format(resolved.occurredAt()));
		JsonNode resolution = past.path("incident_updates").get(0);
		assertThat(resolution.path("body").asText()).isEqualTo("This incident has been resolved.");
		assertThat(resolution.path("affected_components").get(0).path("old_status").asText())
			.isEqualTo("degraded_performance");
		assertThat(resolution.path("affected_components").get(0).path("new_status").asText()).isEqualTo("operational");

		JsonNode listed = withName(components.path("components"), component);
		assertThat(listed.path("status").asText()).isEqualTo("partial_outage");
		assertThat(listed.path("page_id").asText()).isEqualTo("it-page");
		assertThat(listed.path("created_at").asText()).isEqualTo("2026-11-21T07:55:00.000001Z");
		assertThat(listed.path("position").asInt()).isPositive();
		assertThat(status.path("status").path("indicator").asText()).isIn("major", "critical");
		assertThat(this.api.get("/api/v2/summary.json").header("Content-Type")).startsWith("application/json");
	}

	@Test
	void documentsAndThePageGoGzippedToClientsThatAcceptItAndPlainToOthers() throws Exception {
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_2, "Search is slow", component("search")),
				story.publicUpdate("Searches take seconds; we are looking into it."));
		eventually().until(() -> this.api.get("/api/v2/summary.json").body(),
				(body) -> body.contains(story.id().toString()));
		HttpClient http = HttpClient.newHttpClient();
		for (String path : PUBLIC_PATHS.stream()
			.filter((path) -> path.startsWith("/api/v2/") || path.equals("/status"))
			.toList()) {
			boolean html = path.equals("/status");
			HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(this.api.base() + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create(this.api.base() + path))
				.header("Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(URI.create(this.api.base() + path))
				.header("Accept-Encoding", "gzip;q=0, deflate")
				.build(), HttpResponse.BodyHandlers.ofByteArray());

			assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
			assertThat(refused.headers().firstValue("Content-Encoding")).as(path).isEmpty();
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
			assertThat(String.join(", ", gzipped.headers().allValues("Vary"))).as(path)
				.containsIgnoringCase("Accept-Encoding");
			assertThat(gzipped.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith(html ? "text/html" : "application/json"));
			byte[] unzipped;
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
				unzipped = in.readAllBytes();
			}
			if (html) {
				assertThat(new String(unzipped, StandardCharsets.UTF_8)).as(path)
					.contains(story.id().toString())
					.isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
			}
			else {
				assertThat(JSON.readTree(unzipped)).as(path).isEqualTo(JSON.readTree(plain.body()));
			}
			assertThat(refused.body()).as(path).isEqualTo(plain.body());
		}
	}

	@Test
	void internalUpdatesNotesAndReasonsNeverAppearInPublic() {
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_2, "Payments delayed", component("payments")),
				story.internalUpdate("SECRET internal update: the db password rotated"),
				story.note("SECRET timeline note about the on-call engineer"),
				story.severity(Severity.SEV_2, Severity.SEV_1, "SECRET severity reason"),
				story.publicUpdate("Payments are delayed; we are working on it."),
				story.resolved("SECRET resolution summary"), story.reopened("SECRET reopening reason"),
				story.internalUpdate("SECRET second internal update"),
				story.publicUpdate("Payments are delayed again; investigating."));

		eventually().until(() -> this.api.get("/api/v2/incidents/unresolved.json").body(),
				(body) -> body.contains("Payments are delayed again; investigating."));

		for (String path : PUBLIC_PATHS) {
			QueryApi.Answer answer = this.api.get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path).doesNotContain("SECRET");
		}
		JsonNode incident = withId(this.api.get("/api/v2/incidents.json").json().path("incidents"),
				story.id().toString());
		assertThat(incident.path("incident_updates").findValuesAsText("body")).containsExactly(
				"Payments are delayed again; investigating.", StatusPageState.REOPENED,
				"This incident has been resolved.", "Payments are delayed; we are working on it.",
				"We are investigating this issue.");
		assertThat(incident.path("impact").asText()).isEqualTo("critical");
		assertThat(this.api.get("/status").html().select("#incident-" + story.id() + " .updates .body").eachText())
			.contains("Payments are delayed; we are working on it.");
	}

	@Test
	void overdueListsOpenIncidentsPastTheirCadenceByTheServerClock() {
		IncidentStory sev1 = new IncidentStory();
		EventEnvelope sev1Declared = sev1.declared(Severity.SEV_1, "Login down", component("login"));
		EventEnvelope sev1Update = sev1.publicUpdate("Login is down for everyone.");
		IncidentStory sev2 = new IncidentStory();
		EventEnvelope sev2Declared = sev2.declared(Severity.SEV_2, "Exports slow", component("exports"));
		EventEnvelope sev2Internal = sev2.internalUpdate("Only responders see this one");
		IncidentStory sev4 = new IncidentStory();
		EventEnvelope sev4Declared = sev4.declared(Severity.SEV_4, "Typo in emails", component("email"));
		IncidentStory resolved = new IncidentStory();
		EventEnvelope resolvedDeclared = resolved.declared(Severity.SEV_1, "Short blip", component("edge"));
		EventEnvelope resolution = resolved.resolved(null);
		send(sev1Declared, sev1Update, sev2Declared, sev2Internal, sev4Declared, resolvedDeclared, resolution);
		eventually().until(() -> this.api.get("/api/v2/incidents.json").body(),
				(body) -> body.contains("Login is down for everyone.") && body.contains(sev2.id().toString())
						&& body.contains(sev4.id().toString()) && body.contains("This incident has been resolved."));
		Instant sev1Due = sev1Update.occurredAt().plusSeconds(15 * 60);

		this.clock.set(sev1Due);
		JsonNode onTime = this.api.get("/api/status/overdue").json();
		this.clock.set(sev1Due.plusSeconds(3 * 60));
		JsonNode late = this.api.get("/api/status/overdue").json();
		this.clock.set(sev1Due.plusSeconds(30 * 24 * 3600));
		JsonNode muchLater = this.api.get("/api/status/overdue").json();

		assertThat(withIncidentId(onTime.path("incidents"), sev1.id())).isNull();
		assertThat(onTime.path("checkedAt").asText()).isEqualTo(Timestamps.format(sev1Due));
		JsonNode overdue = withIncidentId(late.path("incidents"), sev1.id());
		assertThat(overdue.path("title").asText()).isEqualTo("Login down");
		assertThat(overdue.path("severity").asText()).isEqualTo("SEV-1");
		assertThat(overdue.path("lastPublicUpdateAt").asText()).isEqualTo(Timestamps.format(sev1Update.occurredAt()));
		assertThat(overdue.path("dueAt").asText()).isEqualTo(Timestamps.format(sev1Due));
		assertThat(overdue.path("overdueBy").asText()).isEqualTo("PT3M");
		assertThat(overdue.path("overdueBySeconds").asLong()).isEqualTo(180);
		assertThat(withIncidentId(late.path("incidents"), sev2.id())).isNull();
		JsonNode sev2Overdue = withIncidentId(muchLater.path("incidents"), sev2.id());
		assertThat(sev2Overdue.path("lastPublicUpdateAt").isNull()).isTrue();
		assertThat(sev2Overdue.path("dueAt").asText())
			.isEqualTo(Timestamps.format(sev2Declared.occurredAt().plusSeconds(30 * 60)));
		assertThat(withIncidentId(muchLater.path("incidents"), sev4.id())).isNull();
		assertThat(withIncidentId(muchLater.path("incidents"), resolved.id())).isNull();
		assertThat(withIncidentId(muchLater.path("incidents"), sev1.id())).isNotNull();
	}

	@Test
	void statusPageShowsANewlyDeclaredSev1ComponentAsMajorOutage() {
		String component = component("search");
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_1, "Search <script>alert(1)</script> down", component));
		String row = "div.component[data-component=" + component + "]";

		Document html = eventually().until(() -> this.api.get("/status").html(),
				(page) -> "major_outage".equals(page.select(row).attr("data-status")));
		this.clock.set(Instant.parse("2026-11-21T12:00:00Z"));
		Document atNoon = this.api.get("/status").html();

		assertThat(this.api.get("/status").header("Content-Type")).startsWith("text/html");
		Element shown = html.selectFirst(row);
		assertThat(shown.select(".component-head .name").text()).isEqualTo(component);
		assertThat(shown.select(".component-head span.status").text()).isEqualTo("Major Outage");
		assertThat(shown.select(".component-head span.status").hasClass("s-major_outage")).isTrue();
		Element overall = html.getElementById("overall");
		assertThat(overall.attr("data-indicator")).isEqualTo("critical");
		assertThat(overall.hasClass("indicator-critical")).isTrue();
		assertThat(overall.text()).isEqualTo("Major System Outage");
		Element incident = html.getElementById("incident-" + story.id());
		assertThat(incident).as("the incident, under open incidents").isNotNull();
		assertThat(incident.parents()).contains(html.getElementById("open-incidents"));
		assertThat(incident.selectFirst("h3").text()).isEqualTo("Search <script>alert(1)</script> down");
		assertThat(html.select("script")).as("event text is escaped, never markup").isEmpty();
		assertThat(html.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("60");
		Elements days = atNoon.selectFirst(row).select(".days span.day");
		assertThat(days).hasSize(90);
		assertThat(days.last().attr("data-date")).isEqualTo("2026-11-21");
		assertThat(days.last().hasClass("s-major_outage")).isTrue();
		assertThat(atNoon.selectFirst(row).select(".day[data-date=2026-11-20]").hasClass("no-data")).isTrue();
	}

	@Test
	void statusPageListsPastIncidentsAndLinksItsFeedAndApi() {
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_3, "Avatars & <em>icons</em> slow", component("avatars")),
				story.publicUpdate("Avatars load slowly.\nWe are on it."), story.resolved(null));

		// the incident shows as open once its declaration is applied: wait for its
		// resolution
		Document html = eventually().until(() -> this.api.get("/status").html(),
				(page) -> page.getElementById("incident-" + story.id()) != null
						&& page.getElementById("incident-" + story.id())
							.parents()
							.contains(page.getElementById("past-incidents")));

		Element past = html.getElementById("incident-" + story.id());
		assertThat(past.parents()).contains(html.getElementById("past-incidents"));
		assertThat(past.hasClass("impact-minor")).isTrue();
		assertThat(past.selectFirst("h3").text()).isEqualTo("Avatars & <em>icons</em> slow");
		assertThat(past.select("ol.updates li strong").eachText()).containsExactly("Resolved", "Investigating",
				"Investigating");
		assertThat(past.select("ol.updates li .body").eachText()).containsExactly("This incident has been resolved.",
				"Avatars load slowly. We are on it.", "We are investigating this issue.");
		assertThat(past.select("time").first().attr("datetime")).matches("\\d{4}-.*\\.\\d{6}Z");
		assertThat(html.select("footer a").eachAttr("href")).containsExactly("/status/history.atom",
				"/api/v2/summary.json");
		assertThat(html.select("link[rel=alternate]").attr("type")).isEqualTo("application/atom+xml");
		assertThat(html.title()).isEqualTo("Example & Co status");
	}

	@Test
	void atomFeedIsWellFormedAtomWithOneEntryPerRecentIncident() throws Exception {
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_3, "Images & <b>thumbnails</b> missing", component("images")),
				story.publicUpdate("Thumbnails show as <i>broken</i> & we know why."));
		eventually().until(() -> this.api.get("/status/history.atom").body(), (body) -> body.contains("we know why"));

		QueryApi.Answer answer = this.api.get("/status/history.atom");
		org.w3c.dom.Document feed = parse(answer.body());
		org.w3c.dom.Element root = feed.getDocumentElement();

		assertThat(answer.header("Content-Type")).startsWith("application/atom+xml");
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(child(root, "id").getTextContent()).startsWith("urn:uuid:");
		assertThat(child(root, "title").getTextContent()).isEqualTo("Example & Co status history");
		assertThat(child(root, "updated").getTextContent()).matches("\\d{4}-.*\\.\\d{6}Z");
		assertThat(child(child(root, "author"), "name").getTextContent()).isEqualTo("Example & Co");
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength())
			.isEqualTo(this.api.get("/api/v2/incidents.json").json().path("incidents").size());
		org.w3c.dom.Element entry = null;
		for (int i = 0; i < entries.getLength(); i++) {
			org.w3c.dom.Element candidate = (org.w3c.dom.Element) entries.item(i);
			if (child(candidate, "id").getTextContent().equals("urn:uuid:" + story.id())) {
				entry = candidate;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(child(entry, "title").getTextContent()).isEqualTo("Images & <b>thumbnails</b> missing");
		assertThat(child(entry, "updated").getTextContent()).matches("\\d{4}-.*\\.\\d{6}Z");
		assertThat(child(entry, "link").getAttribute("href"))
			.isEqualTo("https://status.example.com#incident-" + story.id());
		org.w3c.dom.Element content = child(entry, "content");
		assertThat(content.getAttribute("type")).isEqualTo("html");
		assertThat(content.getTextContent()).contains("Thumbnails show as &lt;i&gt;broken&lt;/i&gt; &amp; we know why.")
			.contains("<strong>Investigating</strong>");
	}

	@Test
	void rebuildingTheStatusPageGivesIdenticalDocuments() {
		IncidentStory story = new IncidentStory();
		send(story.declared(Severity.SEV_2, "Uploads failing", component("uploads")),
				story.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED),
				story.severity(Severity.SEV_2, Severity.SEV_1, null), story.publicUpdate("Uploads fail for all."),
				story.resolved(null), story.reopened("came back"), story.publicUpdate("Uploads failing again."));
		eventually().until(() -> this.api.get("/api/v2/incidents.json").body(),
				(body) -> body.contains("Uploads failing again."));
		this.clock.set(Instant.parse("2026-11-22T00:00:00Z"));
		List<String> before = PUBLIC_PATHS.stream().map((path) -> this.api.get(path).body()).toList();

		QueryApi.Answer rebuilt = this.api.admin().post("/api/admin/projections/status-page/rebuild");
		List<String> after = PUBLIC_PATHS.stream().map((path) -> this.api.get(path).body()).toList();

		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().path("eventsReplayed").asLong()).isGreaterThanOrEqualTo(7);
		assertThat(after).isEqualTo(before);
		assertThat(this.api.admin().get("/api/admin/projections").body()).contains("status-page");
	}

	private void send(EventEnvelope... events) {
		this.topic.send(events);
	}

	private static String component(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static int updatesOf(JsonNode document, UUID incident) {
		JsonNode found = withId(document.path("incidents"), incident.toString());
		return (found != null) ? found.path("incident_updates").size() : -1;
	}

	private static JsonNode withId(JsonNode items, String id) {
		for (JsonNode item : items) {
			if (item.path("id").asText().equals(id)) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode withIncidentId(JsonNode items, UUID id) {
		for (JsonNode item : items) {
			if (item.path("incidentId").asText().equals(id.toString())) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode withName(JsonNode items, String name) {
		for (JsonNode item : items) {
			if (item.path("name").asText().equals(name)) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode documented(String file) {
		try (InputStream in = StatusPageIT.class.getResourceAsStream("/statuspage/" + file)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode only(JsonNode document, String... fields) {
		ObjectNode trimmed = JSON.createObjectNode();
		for (String field : fields) {
			trimmed.set(field, document.get(field));
		}
		return trimmed;
	}

	private static org.w3c.dom.Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static org.w3c.dom.Element child(org.w3c.dom.Element parent, String name) {
		NodeList children = parent.getElementsByTagNameNS(ATOM, name);
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getParentNode() == parent) {
				return (org.w3c.dom.Element) children.item(i);
			}
		}
		throw new AssertionError("no " + name + " in " + parent.getLocalName());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

}
