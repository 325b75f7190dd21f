package io.incidenttimeline.command.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the W3C trace context of the request that records an event into the event's
 * metadata ({@link EventMetadata#TRACEPARENT}), so the publisher and the query service's
 * projections continue that trace; and logs each recorded event once its unit of work
 * committed, within the request's trace. Events recorded outside any trace get no
 * {@code traceparent}.
 */
@Component
class TraceContextMetaData implements MessageDispatchInterceptor<EventMessage<?>> {

	private static final Logger log = LoggerFactory.getLogger(TraceContextMetaData.class);

	private final Tracer tracer;

	private final Propagator propagator;

	TraceContextMetaData(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	@Autowired
	void interceptEventsOf(EventStore eventStore) {
		eventStore.registerDispatchInterceptor(this);
	}

	@Override
	public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
		String traceparent = currentTraceparent();
		return (index, message) -> {
			logOnCommit(message);
			if (traceparent == null || message.getMetaData().containsKey(EventMetadata.TRACEPARENT)) {
				return message;
			}
			return message.andMetaData(Map.of(EventMetadata.TRACEPARENT, traceparent));
		};
	}

	private String currentTraceparent() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(context, headers, Map::put);
		return headers.get(EventMetadata.TRACEPARENT);
	}

	private static void logOnCommit(EventMessage<?> message) {
		if (!(message instanceof DomainEventMessage<?> event) || !CurrentUnitOfWork.isStarted()) {
			return;
		}
		CurrentUnitOfWork.get()
			.afterCommit((unitOfWork) -> log.info("recorded {} seq {} of incident {}",
					event.getPayloadType().getSimpleName(), event.getSequenceNumber() + 1,
					event.getAggregateIdentifier()));
	}

}
