package io.incidenttimeline.command.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequiredSecretsTest {

	final RequiredSecrets check = new RequiredSecrets();

	@Test
	void ownCredentialsForEverySenderStart() {
		assertThatNoException().isThrownBy(() -> this.check.postProcessEnvironment(production(Map.of()), null));
	}

	@Test
	void everyMissingVariableIsNamedAtOnce() {
		MockEnvironment environment = new MockEnvironment();

		assertThat(RequiredSecrets.problems(environment)).containsExactly("OIDC_ISSUER_URI is required",
				"DATABASE_PASSWORD is required",
				"ALERTMANAGER_TOKEN, or ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD is required for Alertmanager alerts (or ALERTMANAGER_TOKEN=disabled to switch Alertmanager off)",
				"PAGERDUTY_ROUTING_KEYS is required for PagerDuty alerts (or PAGERDUTY_ROUTING_KEYS=disabled to switch PagerDuty off)",
				"GRAFANA_HMAC_SECRET, or GRAFANA_TOKEN is required for Grafana alerts (or GRAFANA_HMAC_SECRET=disabled to switch Grafana off)",
				"CLOUDEVENTS_TOKEN is required for CloudEvents alerts (or CLOUDEVENTS_TOKEN=disabled to switch CloudEvents off)");
	}

	@Test
	void aSampleValueIsRefusedEvenBesideAGoodAlternative() {
		MockEnvironment environment = production(Map.of("incident-timeline.alerts.alertmanager.password",
				"local-alertmanager-password", "incident-timeline.alerts.pagerduty.routing-keys",
				"R0000000000000000000000000000001," + "local0pagerduty0routing0key00001", "spring.datasource.password",
				"REPLACE_ME_command_database_password"));

		assertThat(RequiredSecrets.problems(environment)).containsExactlyInAnyOrder(
				"DATABASE_PASSWORD is a documented sample value, public to everyone: set a secret of your own",
				"ALERTMANAGER_PASSWORD is a documented sample value, public to everyone: set a secret of your own",
				"PAGERDUTY_ROUTING_KEYS is a documented sample value, public to everyone: set a secret of your own");
	}

	@Test
	void aSenderNobodyUsesIsSwitchedOffExplicitly() {
		MockEnvironment environment = production(Map.of("incident-timeline.alerts.pagerduty.routing-keys", "disabled",
				"incident-timeline.alerts.grafana.hmac-secret", "disabled",
				"incident-timeline.alerts.cloudevents.bearer-token", "disabled"));

		assertThat(RequiredSecrets.problems(environment)).isEmpty();
	}

	@Test
	void theLocalProfileUsesTheSamples() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("local");

		assertThatNoException().isThrownBy(() -> this.check.postProcessEnvironment(environment, null));
	}

	@Test
	void theFailureReportNamesEachVariableAndWhatToDo() {
		MissingSecretsException failure = assertThatExceptionOfType(MissingSecretsException.class)
			.isThrownBy(() -> this.check.postProcessEnvironment(new MockEnvironment(), null))
			.actual();

		FailureAnalysis analysis = new MissingSecretsFailureAnalyzer().analyze(failure);

		assertThat(analysis.getDescription()).contains("OIDC_ISSUER_URI is required", "CLOUDEVENTS_TOKEN");
		assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=local", "disabled");
	}

	/**
	 * Every credential default of the local profile is in the one list of samples, so
	 * that no deployment can run on it.
	 */
	@Test
	void everyLocalDefaultIsAKnownSample() throws IOException {
		String local = new ClassPathResource("application-local.yml")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Matcher defaults = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}").matcher(local);
		List<String> secretVariables = RequiredSecrets.REQUIREMENTS.stream()
			.flatMap((requirement) -> requirement.secrets().stream())
			.filter(RequiredSecrets.Secret::secret)
			.map(RequiredSecrets.Secret::variable)
			.toList();
		int checked = 0;
		while (defaults.find()) {
			if (secretVariables.contains(defaults.group(1))) {
				assertThat(SampleSecrets.isSample(defaults.group(2))).as(defaults.group(1)).isTrue();
				checked++;
			}
		}
		assertThat(checked).isEqualTo(6);
	}

	private static MockEnvironment production(Map<String, String> overrides) {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("incident-timeline.oidc.issuer-uri", "https://login.example.com/realms/ours")
			.withProperty("spring.datasource.password", "own-database-password")
			.withProperty("incident-timeline.alerts.alertmanager.bearer-token", "own-alertmanager-token")
			.withProperty("incident-timeline.alerts.pagerduty.routing-keys", "R0000000000000000000000000000001")
			.withProperty("incident-timeline.alerts.grafana.hmac-secret", "own-grafana-secret")
			.withProperty("incident-timeline.alerts.cloudevents.bearer-token", "own-cloudevents-token");
		overrides.forEach(environment::setProperty);
		return environment;
	}

}
