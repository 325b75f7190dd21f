package io.incidenttimeline.command.incident.web;

/**
 * Who sends a request and through which client. Today both come from headers
 * ({@code X-Actor}, {@code X-Source}); when authentication arrives, only
 * {@link ActorArgumentResolver} changes.
 */
record Actor(String name, String source) {

}
