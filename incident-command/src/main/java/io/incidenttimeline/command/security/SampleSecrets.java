package io.incidenttimeline.command.security;

import java.util.Set;

/**
 * Every credential value that is public: the local run's defaults
 * ({@code application-local.yml}) and the placeholders of the deployment examples
 * ({@code REPLACE_ME_...}). Outside the local profile none of them is accepted
 * ({@link RequiredSecrets}); {@code RequiredSecretsTest} keeps this list and
 * {@code application-local.yml} in step.
 */
final class SampleSecrets {

	static final Set<String> VALUES = Set.of("local-alertmanager-token", "local-alertmanager-password",
			"local0pagerduty0routing0key00001", "local-grafana-secret", "local-cloudevents-token", "incident");

	static final String PLACEHOLDER_PREFIX = "REPLACE_ME";

	private SampleSecrets() {
	}

	static boolean isSample(String value) {
		String stripped = value.strip();
		return VALUES.contains(stripped) || stripped.startsWith(PLACEHOLDER_PREFIX);
	}

}
