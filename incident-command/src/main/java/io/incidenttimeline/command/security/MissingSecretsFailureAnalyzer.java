package io.incidenttimeline.command.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link MissingSecretsException} into Boot's startup failure report: what is
 * missing, by environment variable, and what to do.
 */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsException cause) {
		return new FailureAnalysis(
				"incident-command refuses to start without credentials of its own:\n\n    - "
						+ String.join("\n    - ", cause.problems()) + "\n",
				"Set each environment variable named above (a sender you do not use: its first variable = "
						+ RequiredSecrets.DISABLED + "). For a local run only, activate the profile '"
						+ RequiredSecrets.LOCAL_PROFILE + "' (SPRING_PROFILES_ACTIVE=" + RequiredSecrets.LOCAL_PROFILE
						+ "), which uses the public sample values.",
				cause);
	}

}
