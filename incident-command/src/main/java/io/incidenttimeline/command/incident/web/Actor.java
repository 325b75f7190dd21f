package io.incidenttimeline.command.incident.web;

/**
 * Who sends a request, as its verified token says: {@code id} is the token's subject (a
 * stable id, what events record as their actor and what idempotency keys belong to),
 * {@code name} the display name the identity provider gives, {@code source} the client
 * that presented the token (for automation acting for a person, RFC 8693's {@code act},
 * the automation), and whether the caller holds the commander role or one above it.
 */
record Actor(String id, String name, String source, boolean commander) {

}
