package io.incidenttimeline.command.incident;

import java.util.Objects;

/**
 * Checks every command shares: who sent it and through which client.
 */
final class Commands {

	private Commands() {
	}

	static void requireOrigin(String actor, String source) {
		if (Objects.requireNonNull(actor, "actor is missing").isBlank()) {
			throw new IllegalArgumentException("actor must not be blank");
		}
		if (Objects.requireNonNull(source, "source is missing").isBlank()) {
			throw new IllegalArgumentException("source must not be blank");
		}
	}

}
