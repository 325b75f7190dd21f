package io.incidenttimeline.command.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Outside the {@code local} profile the service refuses to start while a credential is
 * missing or still a public sample value ({@link SampleSecrets}), naming each environment
 * variable to set. It runs before any bean exists, so the refusal comes before the first
 * connection to the database or Kafka; {@link MissingSecretsFailureAnalyzer} prints it.
 * <p>
 * An alert sender nobody uses is switched off by setting its first variable to
 * {@value #DISABLED} ({@code PAGERDUTY_ROUTING_KEYS=disabled}): its endpoint then refuses
 * every request with 401, whatever credential is presented.
 */
public class RequiredSecrets implements EnvironmentPostProcessor {

	static final String LOCAL_PROFILE = "local";

	/**
	 * The value that switches an alert sender off.
	 */
	public static final String DISABLED = "disabled";

	/**
	 * Whether a sender's credential variable holds the value that switches it off.
	 */
	public static boolean switchesOff(String value) {
		return DISABLED.equals(value);
	}

	/**
	 * What must be set, each by its environment variable and the property it feeds. A
	 * sender is satisfied by any one of its alternatives, each a complete set of
	 * variables; it is switched off by {@value #DISABLED} in its first variable.
	 */
	static final List<Requirement> REQUIREMENTS = List.of(
			Requirement.always(new Secret("OIDC_ISSUER_URI", "incident-timeline.oidc.issuer-uri", false)),
			Requirement.always(new Secret("DATABASE_PASSWORD", "spring.datasource.password", true)),
			Requirement.sender("Alertmanager",
					List.of(new Secret("ALERTMANAGER_TOKEN", "incident-timeline.alerts.alertmanager.bearer-token",
							true)),
					List.of(new Secret("ALERTMANAGER_USERNAME", "incident-timeline.alerts.alertmanager.username",
							false),
							new Secret("ALERTMANAGER_PASSWORD", "incident-timeline.alerts.alertmanager.password",
									true))),
			Requirement.sender("PagerDuty",
					List.of(new Secret("PAGERDUTY_ROUTING_KEYS", "incident-timeline.alerts.pagerduty.routing-keys",
							true))),
			Requirement.sender("Grafana",
					List.of(new Secret("GRAFANA_HMAC_SECRET", "incident-timeline.alerts.grafana.hmac-secret", true)),
					List.of(new Secret("GRAFANA_TOKEN", "incident-timeline.alerts.grafana.bearer-token", true))),
			Requirement.sender("CloudEvents", List
				.of(new Secret("CLOUDEVENTS_TOKEN", "incident-timeline.alerts.cloudevents.bearer-token", true))));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.matchesProfiles(LOCAL_PROFILE)) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new MissingSecretsException(problems);
		}
	}

	/**
	 * One line per variable that is missing or a sample value, naming it.
	 */
	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		for (Requirement requirement : REQUIREMENTS) {
			// a sample value is refused wherever it appears, even beside a good
			// alternative
			requirement.secrets().forEach((secret) -> secret.sampleProblem(environment).ifPresent(problems::add));
			if (requirement.switchedOff(environment)) {
				continue;
			}
			boolean satisfied = requirement.alternatives()
				.stream()
				.anyMatch((set) -> set.stream().allMatch((secret) -> secret.present(environment)));
			if (!satisfied) {
				problems.add(requirement.missing(environment));
			}
		}
		return problems;
	}

	/**
	 * A variable and the property it feeds; {@code secret} values are checked against the
	 * samples (every element of a comma-separated list).
	 */
	record Secret(String variable, String property, boolean secret) {

		String value(Environment environment) {
			String value = environment.getProperty(this.property);
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		boolean present(Environment environment) {
			String value = value(environment);
			return value != null && !DISABLED.equals(value);
		}

		Optional<String> sampleProblem(Environment environment) {
			String value = value(environment);
			if (!this.secret || value == null) {
				return Optional.empty();
			}
			boolean sample = Arrays.stream(value.split(",")).anyMatch(SampleSecrets::isSample);
			return sample
					? Optional.of(this.variable
							+ " is a documented sample value, public to everyone: set a secret of your own")
					: Optional.empty();
		}

	}

	/**
	 * What one thing needs: any one of its alternatives complete. A sender may be
	 * switched off instead.
	 */
	record Requirement(String sender, List<List<Secret>> alternatives) {

		static Requirement always(Secret secret) {
			return new Requirement(null, List.of(List.of(secret)));
		}

		@SafeVarargs
		static Requirement sender(String sender, List<Secret>... alternatives) {
			return new Requirement(sender, List.of(alternatives));
		}

		List<Secret> secrets() {
			return this.alternatives.stream().flatMap(List::stream).toList();
		}

		boolean switchedOff(Environment environment) {
			return this.sender != null && DISABLED.equals(this.alternatives.get(0).get(0).value(environment));
		}

		String missing(Environment environment) {
			List<String> options = this.alternatives.stream()
				.map((set) -> String.join(" and ",
						set.stream().filter((secret) -> !secret.present(environment)).map(Secret::variable).toList()))
				.toList();
			String variables = String.join(", or ", options);
			if (this.sender == null) {
				return variables + " is required";
			}
			return variables + " is required for " + this.sender + " alerts (or "
					+ this.alternatives.get(0).get(0).variable() + "=" + DISABLED + " to switch " + this.sender
					+ " off)";
		}

	}

}
