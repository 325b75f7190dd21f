package io.incidenttimeline.query.consuming;

/**
 * A projection was rebuilt from the stored events, published inside the rebuild's
 * transaction: its rows may all have changed.
 */
public record ProjectionRebuilt(String projection, long eventsReplayed) {
}
