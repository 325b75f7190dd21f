package io.incidenttimeline.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

	private static final IncidentId ID = IncidentId.random();

	@ParameterizedTest
	@ValueSource(strings = { "Checkout returns HTTP 500", "Zahlungen fallen aus – Störung", "支付失败", "🔥 checkout",
			"שירות התשלומים" })
	void printableTextIsAGoodLine(String text) {
		assertThat(TextRules.lineProblem(text)).isEmpty();
		assertThat(TextRules.proseProblem(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "tab\tin title", "two\nlines", "bell\u0007", "del\u007f", "c1\u0085" })
	void controlCharactersAreNoLine(String text) {
		assertThat(TextRules.lineProblem(text)).contains("must be one line without control characters");
	}

	@Test
	void proseMayHoldNewlinesTabsAndCrlfButNoOtherControlCharacter() {
		assertThat(TextRules.proseProblem("first line\nsecond\tcolumn\r\nthird")).isEmpty();
		assertThat(TextRules.proseProblem("nul \u0000 inside"))
			.contains("must not contain control characters other than newline and tab");
		assertThat(TextRules.proseProblem("lone\rreturn")).isPresent();
	}

	@Test
	void unpairedSurrogatesAreNotUnicode() {
		assertThat(TextRules.lineProblem("high \uD83D alone")).get().asString().contains("unpaired surrogate");
		assertThat(TextRules.lineProblem("low \uDD25 alone")).get().asString().contains("unpaired surrogate");
		assertThat(TextRules.lineProblem("ends high \uD83D")).isPresent();
		assertThat(TextRules.lineProblem("pair \uD83D\uDD25 ok")).isEmpty();
	}

	@Test
	void violationsNameEachFieldAsTheEventsJsonDoes() {
		IncidentDeclared declared = new IncidentDeclared(ID, "Title\u0000", Severity.SEV_2,
				List.of("checkout", "pay\nments"), Instant.now(), "ali\tce", new OpeningAlert("grafana", "key\u0001"));

		assertThat(TextRules.violations(declared)).extracting(TextRules.Violation::field)
			.containsExactly("title", "services[1]", "commander", "openingAlert.alertKey");
	}

	@Test
	void proseFieldsAcceptLinesAndLabelsAreCheckedByKeyAndValue() {
		StatusUpdatePosted update = new StatusUpdatePosted(ID, Visibility.PUBLIC, "We rolled back.\nMonitoring.");
		AlertTriggered alert = new AlertTriggered(ID, "alertmanager", "fp", "summary\non two lines", "critical",
				Map.of("team", "pay\u0000", "bad\nkey", "x"), null, null);

		assertThat(TextRules.violations(update)).isEmpty();
		assertThat(TextRules.violations(alert)).extracting(TextRules.Violation::field)
			.containsExactlyInAnyOrder("labels.team", "labels");
	}

}
