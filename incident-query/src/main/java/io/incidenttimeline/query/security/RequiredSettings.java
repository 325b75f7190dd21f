package io.incidenttimeline.query.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything connects anywhere, when a setting the service cannot
 * run safely without is missing or still one of the documented sample values. The sample
 * values live in {@code application-local.yml} only: the local run and the tests use the
 * {@code local} profile, any other profile must bring real values. Whatever the profile,
 * the management port must be a port of its own and Spring Boot's separate management
 * server stays off (it would serve the actuator without the admin operations).
 * {@link MissingSettingsFailureAnalyzer} says what to do.
 */
class RequiredSettings implements EnvironmentPostProcessor {

	static final String LOCAL_PROFILE = "local";

	/** The placeholders of {@code deploy/k8s/secrets.env.example}. */
	private static final String PLACEHOLDER_PREFIX = "REPLACE_ME";

	static final List<Setting> OUTSIDE_LOCAL = List.of(
			new Setting("DATABASE_PASSWORD", "spring.datasource.password", Set.of("incident")),
			new Setting("OIDC_ISSUER_URI", "incident-query.identity.issuer-uri", Set.of()),
			new Setting("OIDC_CLIENT_ID", "incident-query.identity.client-id", Set.of()),
			new Setting("OIDC_CLIENT_SECRET", "incident-query.identity.client-secret",
					Set.of("local-dashboard-secret")),
			new Setting("STATUS_PAGE_URL", "incident-query.status-page.url", Set.of()));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> problems = new ArrayList<>();
		if (!environment.matchesProfiles(LOCAL_PROFILE)) {
			for (Setting setting : OUTSIDE_LOCAL) {
				setting.problem(environment.getProperty(setting.property())).ifPresent(problems::add);
			}
		}
		String managementServerPort = environment.getProperty("management.server.port");
		if (managementServerPort != null && !managementServerPort.isBlank()) {
			problems.add("MANAGEMENT_SERVER_PORT (management.server.port) is set: incident-query serves the "
					+ "actuator and the admin operations on MANAGEMENT_PORT; unset it");
		}
		String port = environment.getProperty("server.port", "8080");
		String managementPort = environment.getProperty("incident-query.management-port");
		if (Objects.equals(port, managementPort) && !"0".equals(port)) {
			problems.add("MANAGEMENT_PORT (incident-query.management-port) is the public port " + port
					+ ": the management port must be another one");
		}
		if (!problems.isEmpty()) {
			throw new MissingSettings(problems);
		}
	}

	/**
	 * A setting required outside the local profile, its environment variable and the
	 * sample values documented for the local run.
	 */
	record Setting(String variable, String property, Set<String> samples) {

		Optional<String> problem(String value) {
			String name = this.variable + " (" + this.property + ")";
			if (value == null || value.isBlank()) {
				return Optional.of(name + " is missing");
			}
			if (this.samples.contains(value.strip()) || value.strip().startsWith(PLACEHOLDER_PREFIX)) {
				return Optional.of(name + " is a documented sample value, public to anyone: set the real one");
			}
			return Optional.empty();
		}

	}

	/**
	 * What is wrong with the settings, each naming its environment variable.
	 */
	static class MissingSettings extends IllegalStateException {

		private final List<String> problems;

		MissingSettings(List<String> problems) {
			super("incident-query cannot start: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return this.problems;
		}

	}

}
