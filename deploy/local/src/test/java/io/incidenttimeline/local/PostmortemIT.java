package io.incidenttimeline.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #11's scripted incident through the real pipeline (identity provider, command
 * service, event store, Kafka, query service): declared with a stated detection time,
 * acknowledged, mitigated, resolved, its impact start corrected during the review, a
 * postmortem written with three action items (one completed), reviewed and published. Its
 * Markdown export equals the checked-in golden file once the values only the server knows
 * (the incident and action item ids, the recording times) are replaced by placeholders.
 * {@code -Dgolden.update=true} rewrites the golden file.
 */
class PostmortemIT {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/postmortem.md");

	private static final String DAY = "2026-11-02T";

	private static LocalSystem system;

	/** The scripted incident, run once for both tests. */
	private static Script script;

	private final Http http = new Http(system.identityUrl());

	@BeforeAll
	static void startSystem() {
		system = SharedSystem.get();
	}

	@Test
	void theScriptedIncidentsMarkdownEqualsTheGoldenFile() throws IOException {
		Script script = script();

		Http.Response markdown = awaitPostmortem(script.incidentId(), "published");

		assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
		String normalized = script.normalize(markdown.body());
		if (Boolean.getBoolean("golden.update")) {
			Files.createDirectories(GOLDEN.getParent());
			Files.writeString(GOLDEN, normalized, StandardCharsets.UTF_8);
		}
		assertThat(normalized).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
	}

	@Test
	void aStatedDetectionAndACorrectedImpactStartChangeTheIncidentsFiguresAndKeepTheOriginal() {
		Script script = script();
		awaitPostmortem(script.incidentId(), "published");

		Http.Response postmortem = this.http.get(queries("/api/incidents/" + script.incidentId() + "/postmortem"));
		assertThat(postmortem.status()).as(postmortem.body()).isEqualTo(200);
		// impact started 09:52 (corrected from 09:58), detected 10:04 (stated, one minute
		// before the 10:05 declaration), acknowledged 10:07, mitigated 10:20, resolved
		// 10:45
		assertThat(postmortem.<Number>read("$.header.mttd.seconds").longValue()).isEqualTo(12 * 60);
		assertThat(postmortem.<Number>read("$.header.mtta.seconds").longValue()).isEqualTo(3 * 60);
		assertThat(postmortem.<Number>read("$.header.mttm.seconds").longValue()).isEqualTo(29 * 60);
		assertThat(postmortem.<Number>read("$.header.mttr.seconds").longValue()).isEqualTo(53 * 60);

		Http.Response timeline = this.http.get(queries("/api/incidents/" + script.incidentId() + "/timeline"));
		List<Map<String, Object>> entries = timeline.read("$.entries");
		assertThat(entries).anySatisfy((entry) -> {
			assertThat(entry.get("type")).isEqualTo("IncidentDeclared");
			assertThat(String.valueOf(entry.get("summary"))).isNotBlank();
			assertThat(instant(entry, "impactStartedAt")).isEqualTo(Instant.parse(DAY + "09:58:00Z"));
		});
		assertThat(entries).anySatisfy((entry) -> {
			assertThat(entry.get("type")).isEqualTo("KeyMomentCorrected");
			assertThat(instant(entry, "correctedTo")).isEqualTo(Instant.parse(DAY + "09:52:00Z"));
		});
	}

	private static Instant instant(Map<String, Object> entry, String field) {
		return Instant.parse(String.valueOf(((Map<?, ?>) entry.get("payload")).get(field)));
	}

	private Http.Response awaitPostmortem(String incidentId, String status) {
		List<Http.Response> markdown = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Http.Response json = this.http.get(queries("/api/incidents/" + incidentId + "/postmortem"));
			assertThat(json.status()).as(json.body()).isEqualTo(200);
			assertThat(json.<String>read("$.status")).isEqualTo(status);
			assertThat(json.<List<?>>read("$.actionItems")).hasSize(3);
			markdown.clear();
			markdown.add(this.http.get(queries("/api/incidents/" + incidentId + "/postmortem.md")));
			assertThat(markdown.get(0).status()).isEqualTo(200);
		});
		return markdown.get(0);
	}

	private synchronized Script script() {
		if (script == null) {
			script = runScript();
		}
		return script;
	}

	private Script runScript() {
		Http.Response declared = command("alice", "/api/incidents", """
				{"title":"Card payments fail at checkout","severity":"SEV-2","services":["checkout","payments"],
				 "impactStartedAt":"%s09:58:00Z","detectedAt":"%s10:04:00Z","detectionMethod":"dashboard",
				 "occurredAt":"%s10:05:00Z"}""".formatted(DAY, DAY, DAY), 201);
		String id = declared.read("$.incidentId");
		String incident = "/api/incidents/" + id;
		command("alice", incident + "/roles",
				"{\"role\":\"incident_commander\",\"assignee\":\"carol\",\"occurredAt\":\"" + DAY + "10:06:00Z\"}",
				200);
		command("alice", incident + "/acknowledgements", "{\"occurredAt\":\"" + DAY + "10:07:00Z\"}", 200);
		command("alice", incident + "/updates", """
				{"visibility":"public","body":"Some card payments fail at checkout. We are investigating.",
				 "occurredAt":"%s10:10:00Z"}""".formatted(DAY), 200);
		command("alice", incident + "/mitigations", """
				{"kind":"rollback","description":"Rolled payments-gateway back to 4.18.2",
				 "occurredAt":"%s10:20:00Z"}""".formatted(DAY), 200);
		command("alice", incident + "/status", "{\"status\":\"monitoring\",\"occurredAt\":\"" + DAY + "10:21:00Z\"}",
				200);
		command("carol", incident + "/resolution", """
				{"summary":"Card payments succeed again since the rollback.","occurredAt":"%s10:45:00Z"}"""
			.formatted(DAY), 200);
		command("carol", incident + "/corrections", """
				{"moment":"impact_started","correctedTo":"%s09:52:00Z",
				 "reason":"Gateway logs show the first declined payments at 09:52, not 09:58."}""".formatted(DAY), 200);

		command("alice", incident + "/postmortem", "{}", 200);
		section(incident, "summary",
				"For 53 minutes about one card payment in five failed at checkout after a "
						+ "payments-gateway release changed how card tokens are validated. Rolling the release back "
						+ "ended it.");
		section(incident, "impact", "Customers paying by card: about 20% of card payments were declined "
				+ "from 09:52 to 10:45 UTC (roughly 1,900 orders); other payment methods worked.");
		section(incident, "root_cause",
				"Trigger: payments-gateway 4.19.0 was deployed at 09:50.\n"
						+ "Latent defect: the new token validation rejects tokens issued before a key rotation.\n"
						+ "Missing guardrail: the canary compared error rates only for new customers.");
		section(incident, "contributing_factors",
				"The dashboard that showed the declines is not linked " + "from the deployment pipeline.");
		section(incident, "what_went_well", "The rollback took one command and worked at once.");
		section(incident, "what_went_poorly", "Nothing paged: declines are answered with HTTP 200.");
		section(incident, "where_we_got_lucky", "The release went out on a Monday morning, not during a sale.");
		section(incident, "lessons", "Canary checks must cover returning customers.");
		String canary = actionItem(incident, """
				{"title":"Compare canary decline rates for returning customers","owner":"payments-team",
				 "dueDate":"2030-01-15","type":"prevent","priority":"P1",
				 "link":"https://tracker.example.com/PAY-101"}""");
		String alert = actionItem(incident, """
				{"title":"Alert on card decline rate above 5% for 5 minutes","owner":"sre-team",
				 "dueDate":"2030-01-10","type":"detect","priority":"P1"}""");
		String link = actionItem(incident, """
				{"title":"Link the payments dashboard from the deployment pipeline","owner":"platform-team",
				 "dueDate":"2030-01-31","type":"process"}""");
		command("alice", incident + "/action-items/" + link + "/completion",
				"{\"note\":\"Linked from every payments deployment.\"}", 200);
		command("carol", incident + "/postmortem/review", "{\"notes\":\"Reviewed with the payments team.\"}", 200);
		command("carol", incident + "/postmortem/publication", "{}", 200);

		Map<String, String> placeholders = new LinkedHashMap<>();
		placeholders.put(id, "{incident}");
		placeholders.put(canary, "{action-item-1}");
		placeholders.put(alert, "{action-item-2}");
		placeholders.put(link, "{action-item-3}");
		return new Script(id, placeholders);
	}

	private void section(String incident, String section, String text) {
		Http.Response response = this.http.put(commands(incident + "/postmortem/sections/" + section), "alice",
				"{\"text\":" + json(text) + "}");
		assertThat(response.status()).as(section + ": " + response.body()).isEqualTo(200);
	}

	private String actionItem(String incident, String body) {
		Http.Response added = command("alice", incident + "/action-items", body, 201);
		return added.read("$.actionItemId");
	}

	private Http.Response command(String person, String path, String body, int expectedStatus) {
		Http.Response response = this.http.post(commands(path), person, body);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
		return response;
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static String commands(String path) {
		return system.commandUrl() + path;
	}

	private static String queries(String path) {
		return system.queryUrl() + path;
	}

	/**
	 * The scripted incident's id and what the server chose that a golden file cannot
	 * know.
	 */
	private record Script(String incidentId, Map<String, String> placeholders) {

		/**
		 * Every time the script did not state is the server's clock (when a fact was
		 * recorded, or when an undated command was sent): replaced by a placeholder.
		 */
		private static final Pattern SERVER_TIME = Pattern
			.compile("(?!" + DAY + ")\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

		String normalize(String markdown) {
			String normalized = SERVER_TIME.matcher(markdown).replaceAll("{server time}");
			for (Map.Entry<String, String> placeholder : this.placeholders.entrySet()) {
				normalized = normalized.replace(placeholder.getKey(), placeholder.getValue());
			}
			return normalized;
		}

	}

}
