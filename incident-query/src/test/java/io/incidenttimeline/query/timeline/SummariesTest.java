package io.incidenttimeline.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {

	@Test
	void everyGoldenEventReadsAsOneLine() {
		List<String> summaries = GoldenVectors.all().values().stream().map(Summaries::of).toList();

		assertThat(summaries).containsExactly(
				"Declared SEV-2 \"Checkout returns HTTP 500\" affecting checkout, payments; detected by dashboard at "
						+ "2026-11-20T10:00:30.000000Z",
				"Acknowledged by bob", "Severity changed from SEV-2 to SEV-1: All regions affected",
				"carol is now comms lead", "Status changed from investigating to identified",
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
	void postmortemEventsReadAsOneLineAndACorrectionNamesWhatItReplaces() {
		Story story = new Story();
		GoldenVectors.all().values().forEach(story::read);
		List<String> summaries = new ArrayList<>();
		for (EventEnvelope event : GoldenVectors.postmortemStory().values()) {
			summaries.add(Summaries.of(event, story));
			story.read(event);
		}

		assertThat(summaries).containsExactly("Resolved: Feature flag off in eu-west",
				"Impact started corrected from 2026-11-20T09:58:30.250000Z to 2026-11-20T09:55:00.000000Z: "
						+ "Error logs show failures from 09:55",
				"Postmortem started",
				"Postmortem section root cause written: A config change removed the payments timeout. "
						+ "No canary caught it.",
				"Action item (prevent, P1) for dave, due 2026-12-04: Canary every checkout config change",
				"Action item updated \"Canary every checkout config change\": owner erin, due 2026-12-11",
				"Action item completed \"Canary every checkout config change\": Canary stage added to the deploy "
						+ "pipeline",
				"Action item (detect, P2) for dave, due 2026-12-18: Alert on payments timeouts",
				"Action item dropped \"Alert on payments timeouts\": Covered by the canary",
				"Postmortem reviewed by ada: Clear chain from trigger to guardrail", "Postmortem published");
	}

	@Test
	void aSecondCorrectionNamesTheFirstCorrectionAsWhatItReplaces() {
		IncidentStory incident = new IncidentStory();
		Story story = new Story();
		story.read(incident.at("2026-11-20T10:00:00Z").declared());
		EventEnvelope first = incident.next(new KeyMomentCorrected(incident.incident(), KeyMoment.DETECTED,
				Instant.parse("2026-11-20T09:59:00Z"), "Synthetic check failed first"));

		assertThat(Summaries.of(first, story)).isEqualTo(
				"Detected corrected from 2026-11-20T10:00:00.000000Z to 2026-11-20T09:59:00.000000Z: Synthetic check "
						+ "failed first");
		story.read(first);
		EventEnvelope second = incident.next(new KeyMomentCorrected(incident.incident(), KeyMoment.DETECTED,
				Instant.parse("2026-11-20T09:58:00Z"), "Earlier still"));
		assertThat(Summaries.of(second, story)).startsWith("Detected corrected from 2026-11-20T09:59:00.000000Z to");
	}

	@Test
	void aDeclarationSaysWhenAndHowTheProblemWasDetected() {
		IncidentStory incident = new IncidentStory();
		EventEnvelope declared = incident.next(new IncidentDeclared(incident.incident(), "Checkout down",
				Severity.SEV_1, List.of("checkout"), Instant.parse("2026-11-20T09:50:00Z"), "carol", null,
				Instant.parse("2026-11-20T09:52:00Z"), DetectionMethod.USER_REPORT));

		assertThat(Summaries.of(declared)).isEqualTo(
				"Declared SEV-1 \"Checkout down\" affecting checkout; detected by user report at 2026-11-20T09:52:00.000000Z");
	}

	@Test
	void longTextIsCutToOneShortLine() {
		String cut = Summaries.cut("line one\n" + "x".repeat(500));

		assertThat(cut).hasSize(Summaries.MAX_TEXT).startsWith("line one x").endsWith("…");
	}

}
