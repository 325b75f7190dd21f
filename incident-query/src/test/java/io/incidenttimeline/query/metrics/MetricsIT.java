package io.incidenttimeline.query.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted incidents of {@link ScriptedIncidents} through Kafka and PostgreSQL: the
 * API must give the hand-computed figures, and a rebuild the very same answer.
 */
@RunningQueryService
class MetricsIT {

	private static boolean sent;

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void reset() {
		sent = false;
	}

	@Test
	void figuresThroughKafkaAndPostgresMatchTheHandComputedValues() {
		QueryApi api = scriptedIncidentsApplied();

		JsonNode all = api.get("/api/metrics/mttx").json();

		assertThat(all.path("incidents").asLong()).isEqualTo(5);
		assertThat(all.path("detectedBy").path("alert").asLong()).isEqualTo(1);
		assertThat(all.path("detectedBy").path("declaration").asLong()).isEqualTo(4);
		assertFigure(all, "mttd", 5, 0, 300.0, 1560.0, 1776.0, 720.0);
		assertFigure(all, "mtta", 4, 1, 120.0, 246.0, 294.6, 165.0);
		assertFigure(all, "mttm", 4, 1, 2700.0, 3600.0, 3600.0, 2700.0);
		assertFigure(all, "mttr", 4, 1, 4500.0, 9180.0, 10638.0, 5850.0);
		assertFigure(all, "declaredToResolved", 4, 1, 3300.0, 8430.0, 10293.0, 4875.0);
		assertThat(figure(all, "declaredToResolved").path("definition").asText()).startsWith("resolved - declared");
		assertThat(figure(all, "mttr").path("definition").asText()).startsWith("resolved - impact started");
	}

	@Test
	void filtersSelectByHighestSeverityServiceAndImpactStart() {
		QueryApi api = scriptedIncidentsApplied();

		JsonNode sev1 = api.get("/api/metrics/mttx?severity=SEV-1").json();
		JsonNode sev2 = api.get("/api/metrics/mttx?severity=SEV-2").json();
		JsonNode search = api.get("/api/metrics/mttx?service=search").json();
		JsonNode period = api.get("/api/metrics/mttx?from=2026-11-01T00:00:00Z&to=2026-11-17T00:00:00Z").json();

		assertThat(sev1.path("incidents").asLong()).isEqualTo(2);
		assertFigure(sev1, "mttr", 1, 1, 3600.0, 3600.0, 3600.0, 3600.0);
		assertThat(sev2.path("incidents").asLong()).isEqualTo(1);
		assertFigure(sev2, "mtta", 0, 1, null, null, null, null);
		assertThat(search.path("incidents").asLong()).isEqualTo(2);
		assertFigure(search, "mttr", 2, 0, 7200.0, 10080.0, 10728.0, 7200.0);
		assertThat(period.path("incidents").asLong()).isEqualTo(1);
		assertFigure(period, "mttr", 1, 0, 10800.0, 10800.0, 10800.0, 10800.0);
	}

	@Test
	void seriesGroupsByWeekAndMonth() {
		QueryApi api = scriptedIncidentsApplied();

		JsonNode weeks = api.get("/api/metrics/mttx/series?interval=week").json();
		JsonNode months = api.get("/api/metrics/mttx/series?interval=month&service=checkout").json();

		assertThat(starts(weeks)).containsExactly("2026-10-26T00:00:00.000000Z", "2026-11-09T00:00:00.000000Z",
				"2026-11-16T00:00:00.000000Z");
		assertThat(weeks.path("periods").get(2).path("incidents").asLong()).isEqualTo(3);
		assertThat(starts(months)).containsExactly("2026-11-01T00:00:00.000000Z");
		assertThat(months.path("periods").get(0).path("incidents").asLong()).isEqualTo(2);
	}

	@Test
	void perIncidentMomentsSayWhatDetectionAndMitigationWereTakenFrom() {
		QueryApi api = scriptedIncidentsApplied();

		JsonNode incidents = api.get("/api/metrics/incidents?service=search").json();

		assertThat(incidents).hasSize(2);
		JsonNode c = incidents.get(0);
		assertThat(c.path("incidentId").asText()).isEqualTo(ScriptedIncidents.C.incident().toString());
		assertThat(c.path("detectedBy").asText()).isEqualTo("declaration");
		assertThat(c.path("reopenedCount").asInt()).isEqualTo(1);
		assertThat(c.path("resolvedAt").asText()).isEqualTo("2026-11-10T12:00:00.000000Z");
		assertThat(incidents.get(1).path("mitigatedBy").asText()).isEqualTo("resolution");
	}

	@Test
	void aRebuildGivesIdenticalFiguresAndDoesNotCountResolutionsTwiceInPrometheus() {
		QueryApi api = scriptedIncidentsApplied();
		String before = api.get("/api/metrics/mttx").body();
		String seriesBefore = api.get("/api/metrics/mttx/series?interval=month").body();
		String momentsBefore = api.get("/api/metrics/incidents").body();
		double sev3Before = prometheusCount(api, "SEV-3");

		QueryApi.Answer rebuilt = api.post("/api/admin/projections/mttx/rebuild");

		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().path("eventsReplayed").asLong())
			.isEqualTo(ScriptedIncidents.ALL.stream().mapToLong((story) -> story.events().size()).sum());
		assertThat(api.get("/api/metrics/mttx").body()).isEqualTo(before);
		assertThat(api.get("/api/metrics/mttx/series?interval=month").body()).isEqualTo(seriesBefore);
		assertThat(api.get("/api/metrics/incidents").body()).isEqualTo(momentsBefore);
		assertThat(prometheusCount(api, "SEV-3")).isEqualTo(sev3Before).isEqualTo(3.0);
	}

	@Test
	void prometheusHasMttrHistogramsPerHighestSeverity() {
		QueryApi api = scriptedIncidentsApplied();

		String scrape = api.get("/actuator/prometheus").body();

		assertThat(scrape).contains("# TYPE incident_mttr_seconds histogram");
		assertThat(scrape).containsPattern("incident_mttr_seconds_bucket\\{[^}]*severity=\"SEV-1\"");
		assertThat(prometheusCount(api, "SEV-1")).isEqualTo(1.0);
		assertThat(scrape).containsPattern("incident_mttr_seconds_sum\\{severity=\"SEV-1\"\\} 3600");
		assertThat(scrape).contains("incident_mtta_seconds_count{severity=\"SEV-3\"}");
	}

	@Test
	void badParametersAreNamedInAProblem() {
		QueryApi api = this.api;

		QueryApi.Answer bad = api.get("/api/metrics/mttx?severity=SEV-9&from=yesterday&service=");
		QueryApi.Answer badInterval = api.get("/api/metrics/mttx/series?interval=day");
		QueryApi.Answer reversed = api.get("/api/metrics/mttx?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(fields(bad)).containsExactlyInAnyOrder("severity", "from", "service");
		assertThat(badInterval.status()).isEqualTo(400);
		assertThat(fields(badInterval)).containsExactly("interval");
		assertThat(fields(reversed)).containsExactly("to");
	}

	private QueryApi scriptedIncidentsApplied() {
		synchronized (MetricsIT.class) {
			if (!sent) {
				ScriptedIncidents.ALL.forEach((story) -> story.events().forEach(this.topic::send));
				sent = true;
			}
		}
		for (IncidentStory story : ScriptedIncidents.ALL) {
			eventually().until(() -> this.jdbc
				.sql("SELECT coalesce(max(last_sequence), 0) FROM projection_progress WHERE incident_id = ?")
				.param(story.incident().value())
				.query(Long.class)
				.single(), (applied) -> applied == story.events().size());
		}
		return this.api;
	}

	private static double prometheusCount(QueryApi api, String severity) {
		Matcher count = Pattern.compile("incident_mttr_seconds_count\\{severity=\"" + severity + "\"\\} ([0-9.eE+]+)")
			.matcher(api.get("/actuator/prometheus").body());
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

	private static void assertFigure(JsonNode report, String metric, long count, long missing, Double median,
			Double p90, Double p99, Double mean) {
		JsonNode figure = figure(report, metric);
		assertThat(figure.path("count").asLong()).as(metric + " count").isEqualTo(count);
		assertThat(figure.path("missing").asLong()).as(metric + " missing").isEqualTo(missing);
		assertThat(number(figure, "medianSeconds")).as(metric + " median").isEqualTo(median);
		assertThat(number(figure, "p90Seconds")).as(metric + " p90").isEqualTo(p90);
		assertThat(number(figure, "p99Seconds")).as(metric + " p99").isEqualTo(p99);
		assertThat(number(figure, "meanSeconds")).as(metric + " mean").isEqualTo(mean);
	}

	private static Double number(JsonNode figure, String field) {
		return figure.path(field).isNull() ? null : figure.path(field).asDouble();
	}

	private static List<String> starts(JsonNode series) {
		List<String> starts = new ArrayList<>();
		series.path("periods").forEach((period) -> starts.add(period.path("start").asText()));
		return starts;
	}

	private static List<String> fields(QueryApi.Answer answer) {
		List<String> fields = new ArrayList<>();
		answer.json().path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		return fields;
	}

}
