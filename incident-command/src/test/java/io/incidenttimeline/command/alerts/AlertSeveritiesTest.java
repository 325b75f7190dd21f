package io.incidenttimeline.command.alerts;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlertSeveritiesTest {

	@ParameterizedTest
	@CsvSource({ "page, critical", "P1, critical", "sev1, critical", "SEV-1, critical", "crit, critical",
			"fatal, critical", "emergency, critical", "alert, critical", "p2, error", "sev2, error", "high, error",
			"major, error", "err, error", "p3, warning", "sev3, warning", "medium, warning", "minor, warning",
			"warn, warning", "ticket, warning", "p4, info", "p5, info", "sev4, info", "sev5, info", "low, info",
			"informational, info", "notice, info", "none, info", "debug, info", "Critical, critical", "ERROR, error",
			"' warning ', warning", "info, info" })
	void severitiesAsPeopleWriteThemReadAsOneOfFour(String written, String canonical) {
		AlertSeverities severities = AlertSeverities.withDefaults();

		assertThat(severities.canonical(written)).isEqualTo(canonical);
		assertThat(severities.isKnown(written)).isTrue();
	}

	@Test
	void unknownOrMissingSeverityCountsAsWarning() {
		AlertSeverities severities = AlertSeverities.withDefaults();

		assertThat(severities.canonical("bogus")).isEqualTo("warning");
		assertThat(severities.canonical(null)).isEqualTo("warning");
		assertThat(severities.isKnown("bogus")).isFalse();
	}

	@Test
	void configuredAliasesAddToAndOverrideTheDefaults() {
		AlertSeverities severities = new AlertSeverities(Map.of("Disaster-Recovery", "Critical", "low", "warning"));

		assertThat(severities.canonical("disaster-recovery")).isEqualTo("critical");
		assertThat(severities.canonical("low")).isEqualTo("warning");
		assertThat(severities.canonical("page")).isEqualTo("critical");
	}

	@Test
	void aliasForAnythingButACanonicalSeverityIsAConfigurationError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AlertSeverities(Map.of("page", "urgent")))
			.withMessageContaining("severity-aliases.page");
	}

}
