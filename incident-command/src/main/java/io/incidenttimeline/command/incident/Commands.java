package io.incidenttimeline.command.incident;

import java.util.Objects;

/**
 * Checks every command shares: who sent it and through which client. Every command a
 * person sends names its {@code actor} (a stable id: the token's subject),
 * {@code actorName} (the display name the identity provider gave, optional) and
 * {@code source} (the client that presented the token); the incident records them on each
 * event it applies.
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
