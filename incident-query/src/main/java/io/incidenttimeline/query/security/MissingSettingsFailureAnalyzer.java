package io.incidenttimeline.query.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells an operator which variables to set when {@link RequiredSettings} refused to
 * start, instead of a stack trace.
 */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettings.MissingSettings> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RequiredSettings.MissingSettings cause) {
		return new FailureAnalysis(
				"incident-query refuses to start with these settings:\n  - " + String.join("\n  - ", cause.problems()),
				"Set the environment variables named above (secrets from your secret store). The sample values "
						+ "are for the local run only: SPRING_PROFILES_ACTIVE=local on a developer machine.",
				cause);
	}

}
