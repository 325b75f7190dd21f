package io.incidenttimeline.command.security;

import java.util.List;

/**
 * The service would start with a missing credential or a public sample value.
 */
class MissingSecretsException extends IllegalStateException {

	private final List<String> problems;

	MissingSecretsException(List<String> problems) {
		super("Missing or sample credentials: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
