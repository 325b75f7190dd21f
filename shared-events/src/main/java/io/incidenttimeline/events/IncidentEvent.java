package io.incidenttimeline.events;

/**
 * A fact about one incident. Implementations are immutable records registered in
 * {@link EventTypes}; who, when and from where travel beside them in an
 * {@link EventEnvelope}.
 */
public interface IncidentEvent {

	IncidentId incidentId();

}
