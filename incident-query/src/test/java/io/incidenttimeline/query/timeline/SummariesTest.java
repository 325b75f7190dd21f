package io.incidenttimeline.query.timeline;

import java.util.List;

import io.incidenttimeline.events.GoldenVectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {

	@Test
	void everyGoldenEventReadsAsOneLine() {
		List<String> summaries = GoldenVectors.all().values().stream().map(Summaries::of).toList();

		assertThat(summaries).containsExactly(
				"Declared SEV-2 \"Checkout returns HTTP 500\" affecting checkout, payments", "Acknowledged by bob",
				"Severity changed from SEV-2 to SEV-1: All regions affected", "carol is now comms lead",
				"Status changed from investigating to identified",
				"Public update: We have identified the cause of failed checkouts and are rolling back.",
				"Mitigation (rollback): Rolled back checkout to v41", "Note: Error rate back under 0.1%",
				"Resolved: Rollback fixed checkout", "Reopened: Errors are back in eu-west");
	}

	@Test
	void alertEventsSayWhichIntegrationReportedWhat() {
		List<String> summaries = GoldenVectors.alertStory().values().stream().skip(1).map(Summaries::of).toList();

		assertThat(summaries).containsExactly("Alert from alertmanager: Error rate above 5% on checkout",
				"Alert acknowledged in alertmanager (a3f9c1e2b4d5f6a7)",
				"Alert resolved in alertmanager (a3f9c1e2b4d5f6a7)");
	}

	@Test
	void longTextIsCutToOneShortLine() {
		String cut = Summaries.cut("line one\n" + "x".repeat(500));

		assertThat(cut).hasSize(Summaries.MAX_TEXT).startsWith("line one x").endsWith("…");
	}

}
