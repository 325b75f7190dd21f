package io.incidenttimeline.query.consuming.internal;

import io.incidenttimeline.events.EventEnvelope;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The projections' work on one event, observed as the receiving end of the request that
 * recorded it: the trace continues from the envelope's {@code traceparent} (the
 * CloudEvents distributed-tracing extension), so the log lines of applying it carry the
 * command's trace id. An event recorded outside any trace starts a trace of its own.
 */
final class AppliedEventObservation {

	private static final String TRACEPARENT = "traceparent";

	private AppliedEventObservation() {
	}

	static Observation of(EventEnvelope envelope, ObservationRegistry registry) {
		ReceiverContext<EventEnvelope> context = new ReceiverContext<>(
				(carrier, key) -> TRACEPARENT.equals(key) ? carrier.traceparent() : null);
		context.setCarrier(envelope);
		context.setRemoteServiceName("incident-command");
		return Observation.createNotStarted("incident.query.apply", () -> context, registry)
			.contextualName("apply " + envelope.type().name())
			.lowCardinalityKeyValue("event.type", envelope.type().name());
	}

}
