package io.incidenttimeline.query;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue #9: every event the codec can decode reaches every view, whatever an earlier
 * command side let through. Each event here goes straight to Kafka, as it was stored
 * before the command side checked its input.
 */
@RunningQueryService
class ToleranceIT {

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDeclarationNamingAServiceTwiceIsAppliedWithItsComponentListedOnce() {
		IncidentStory story = new IncidentStory();
		String component = unique("checkout");
		double deadBefore = counter("incident.query.dead.lettered");
		this.topic.send(story.declared(Severity.SEV_2, "Checkout fails twice over", component, component));
		this.topic.send(story.note("Applied after the declaration"));

		JsonNode incident = awaitSequence(story, 2);

		assertThat(incident.path("services").toString()).as("as declared")
			.isEqualTo("[\"" + component + "\",\"" + component + "\"]");
		JsonNode components = this.api.get("/api/v2/components.json").json().path("components");
		assertThat(named(components, component)).hasSize(1)
			.allSatisfy((shown) -> assertThat(shown.path("status").asText()).isEqualTo("partial_outage"));
		JsonNode publicIncident = withId(this.api.get("/api/v2/incidents.json").json().path("incidents"), story.id());
		assertThat(publicIncident.path("components")).hasSize(1);
		assertThat(publicIncident.path("incident_updates").get(0).path("affected_components")).hasSize(1);
		assertThat(parked(story)).isZero();
		assertThat(counter("incident.query.dead.lettered")).isEqualTo(deadBefore);
	}

	@Test
	void publicUpdatesWithNulOrAnUnpairedSurrogateAreShownWithReplacementCharactersAndTheIncidentGoesOn() {
		IncidentStory story = new IncidentStory();
		String component = unique("payments");
		double deadBefore = counter("incident.query.dead.lettered");
		EventEnvelope declared = story.declared(Severity.SEV_1, "Card payments fail", component);
		EventEnvelope nul = story.publicUpdate("Card payments fail\u0000; we are on it.");
		EventEnvelope surrogate = story.publicUpdate("A fix is deployed \uD800 and we are watching.");
		EventEnvelope resolved = story.resolved("Rolled back the gateway");
		byte[] nulWire = IncidentEventCodec.encode(nul);
		this.topic.send(declared);
		this.topic.send(story.incident().toString(), nulWire);
		this.topic.send(surrogate, resolved);

		JsonNode incident = awaitSequence(story, 4);

		assertThat(incident.path("status").asText()).isEqualTo("resolved");
		JsonNode components = this.api.get("/api/v2/components.json").json().path("components");
		assertThat(named(components, component)).singleElement()
			.satisfies((shown) -> assertThat(shown.path("status").asText()).isEqualTo("operational"));
		JsonNode publicIncident = withId(this.api.get("/api/v2/incidents.json").json().path("incidents"), story.id());
		assertThat(publicIncident.path("status").asText()).isEqualTo("resolved");
		List<String> bodies = new ArrayList<>();
		publicIncident.path("incident_updates").forEach((update) -> bodies.add(update.path("body").asText()));
		assertThat(bodies).contains("Card payments fail\uFFFD; we are on it.",
				"A fix is deployed \uFFFD and we are watching.");
		JsonNode entries = this.api.get("/api/incidents/" + story.incident() + "/timeline").json().path("entries");
		assertThat(entries.get(1).path("payload").path("body").asText())
			.isEqualTo("Card payments fail\uFFFD; we are on it.");
		assertThat(this.jdbc.sql("SELECT wire FROM incident_events WHERE incident_id = ? AND sequence = 2")
			.param(story.id())
			.query(byte[].class)
			.single()).as("the wire kept as received").isEqualTo(nulWire);
		QueryApi.Answer page = this.api.get("/status");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().getElementById("incident-" + story.id()).text()).contains("\uFFFD; we are on it.");
		assertThat(wellFormedXml(this.api.get("/status/history.atom").body())).isTrue();
		assertThat(parked(story)).isZero();
		assertThat(counter("incident.query.dead.lettered")).isEqualTo(deadBefore);
	}

	@Test
	void impactsThatStartedInTheYear226OrBeyondWhatPostgresqlKeepsGiveAnswersInsteadOfServerErrors() {
		String service = unique("ledger");
		IncidentStory year226 = new IncidentStory();
		IncidentStory beforeHistory = new IncidentStory();
		IncidentStory farFuture = new IncidentStory();
		this.topic.send(year226.declared((declaration) -> declaration.title("Ledger drift")
			.services(service)
			.impactStartedAt("0226-11-23T09:58:30Z")), year226.acknowledged());
		EventEnvelope resolution = year226.resolved(null);
		this.topic.send(resolution);
		this.topic.send(beforeHistory.declared((declaration) -> declaration.services(unique("archive"))
			.impactStartedAt(Instant.parse("-5000-01-01T00:00:00Z"))), beforeHistory.resolved(null));
		this.topic.send(farFuture.declared((declaration) -> declaration.services(unique("future"))
			.impactStartedAt(Instant.parse("+300000-01-01T00:00:00Z"))), farFuture.resolved(null));

		awaitSequence(year226, 3);
		awaitSequence(beforeHistory, 2);
		awaitSequence(farFuture, 2);

		QueryApi.Answer ledger = this.api.get("/api/metrics/mttx?service=" + service);
		assertThat(ledger.status()).isEqualTo(200);
		double centuries = Duration.between(Instant.parse("0226-11-23T09:58:30Z"), resolution.occurredAt()).toSeconds();
		assertThat(figure(ledger.json(), "mttr").path("medianSeconds").asDouble()).isCloseTo(centuries, within(1.0));
		assertThat(figure(ledger.json(), "mttr").path("count").asLong()).isEqualTo(1);
		assertThat(figure(ledger.json(), "mttd").path("medianSeconds").asDouble()).isPositive();
		JsonNode all = this.api.get("/api/metrics/mttx").json();
		for (JsonNode figure : all.path("figures")) {
			assertThat(figure.path("count").asLong() + figure.path("missing").asLong())
				.as(figure.path("metric").asText())
				.isEqualTo(all.path("incidents").asLong());
			if (figure.path("count").asLong() > 0) {
				assertThat(figure.path("meanSeconds").asDouble()).isPositive().isFinite();
			}
		}
		assertThat(figure(all, "mttd").path("inconsistent").asLong()).as("impact after detection: year 300000")
			.isGreaterThanOrEqualTo(1);
		assertThat(this.api.get("/api/incidents/" + beforeHistory.incident()).json().path("impactStartedAt").asText())
			.as("clamped to what PostgreSQL keeps")
			.isEqualTo("-4712-01-01T00:00:00.000000Z");
		assertThat(this.api.get("/api/incidents/" + farFuture.incident()).json().path("impactStartedAt").asText())
			.isEqualTo("+294276-12-31T23:59:59.999999Z");
		List<String> paths = new ArrayList<>(List.of("/api/metrics/mttx", "/api/metrics/mttx/series?interval=week",
				"/api/metrics/mttx/series?interval=month", "/api/metrics/incidents", "/api/incidents",
				"/api/v2/summary.json", "/api/v2/incidents.json", "/api/v2/components.json", "/api/status/overdue",
				"/status", "/status/history.atom", "/dashboard"));
		for (IncidentStory story : List.of(year226, beforeHistory, farFuture)) {
			paths.add("/api/incidents/" + story.incident());
			paths.add("/api/incidents/" + story.incident() + "/timeline");
			paths.add("/dashboard/incidents/" + story.incident());
		}
		assertThat(paths).allSatisfy((path) -> assertThat(this.api.get(path).status()).as(path).isEqualTo(200));
		assertThat(this.api.management().get("/actuator/prometheus").status()).isEqualTo(200);
	}

	@Test
	void anAcknowledgementRecordedBeforeDetectionIsOneAnswerInTheJsonFiguresAndThePrometheusHistograms() {
		String service = unique("inbox");
		double mttaBefore = prometheusCount("mtta", "SEV-2");
		double mttrBefore = prometheusCount("mttr", "SEV-2");
		IncidentStory story = new IncidentStory();
		EventEnvelope declared = story.declared(Severity.SEV_2, "Inbox lags", service);
		this.topic.send(declared);
		this.topic.send(story.at(declared.occurredAt().minus(Duration.ofMinutes(5))).acknowledged(),
				story.at(declared.occurredAt().plus(Duration.ofMinutes(20)))
					.status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING),
				story.at(declared.occurredAt().plus(Duration.ofMinutes(30))).resolved(null));
		awaitSequence(story, 4);

		eventually().until(() -> prometheusCount("mttr", "SEV-2"), (count) -> count == mttrBefore + 1);
		JsonNode figures = this.api.get("/api/metrics/mttx?service=" + service).json();

		JsonNode mtta = figure(figures, "mtta");
		assertThat(mtta.path("count").asLong()).isZero();
		assertThat(mtta.path("missing").asLong()).isEqualTo(1);
		assertThat(mtta.path("inconsistent").asLong()).isEqualTo(1);
		assertThat(mtta.path("medianSeconds").isNull()).isTrue();
		assertThat(mtta.path("definition").asText()).contains("counts as missing and as inconsistent");
		assertThat(prometheusCount("mtta", "SEV-2")).as("not observed either").isEqualTo(mttaBefore);
		assertThat(figure(figures, "mttr").path("count").asLong()).isEqualTo(1);
	}

	private JsonNode awaitSequence(IncidentStory story, long sequence) {
		return eventually()
			.until(() -> this.api.get("/api/incidents/" + story.incident()),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == sequence)
			.json();
	}

	private long parked(IncidentStory story) {
		return this.jdbc.sql("SELECT count(*) FROM parked_events WHERE incident_id = ?")
			.param(story.id())
			.query(Long.class)
			.single();
	}

	private double counter(String name) {
		try {
			return this.meters.get(name).counters().stream().mapToDouble((c) -> c.count()).sum();
		}
		catch (MeterNotFoundException ex) {
			return 0;
		}
	}

	private double prometheusCount(String metric, String severity) {
		Matcher count = Pattern
			.compile("incident_" + metric + "_seconds_count\\{severity=\"" + severity + "\"\\} ([0-9.eE+]+)")
			.matcher(this.api.management().get("/actuator/prometheus").body());
		return count.find() ? Double.parseDouble(count.group(1)) : 0.0;
	}

	private static JsonNode figure(JsonNode report, String metric) {
		for (JsonNode figure : report.path("figures")) {
			if (figure.path("metric").asText().equals(metric)) {
				return figure;
			}
		}
		throw new AssertionError("no figure " + metric + " in " + report);
	}

	private static List<JsonNode> named(JsonNode components, String name) {
		List<JsonNode> found = new ArrayList<>();
		components.forEach((component) -> {
			if (component.path("name").asText().equals(name)) {
				found.add(component);
			}
		});
		return found;
	}

	private static JsonNode withId(JsonNode items, UUID id) {
		for (JsonNode item : items) {
			if (item.path("id").asText().equals(id.toString())) {
				return item;
			}
		}
		throw new AssertionError("no " + id + " among " + items);
	}

	private static boolean wellFormedXml(String xml) {
		try {
			DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
