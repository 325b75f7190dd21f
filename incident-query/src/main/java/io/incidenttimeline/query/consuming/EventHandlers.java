package io.incidenttimeline.query.consuming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;

/**
 * How a read model's state of one incident starts with the declaration and changes with
 * each later event: one handler per event type, looked up by the event's class. An event
 * without a handler leaves the state as it is.
 *
 * <pre>
 * static final EventHandlers&lt;Incident&gt; EVENTS = EventHandlers.startingWith(Incident::declared)
 * 	.on(SeverityChanged.class, Incident::on)
 * 	.on(IncidentResolved.class, Incident::on);
 * </pre>
 *
 * Handlers are pure functions of the state and the event, so a fold can be tested as a
 * plain object and repeated for any point in the past.
 *
 * @param <S> the state of one incident
 */
public final class EventHandlers<S> {

	private final Start<S> start;

	private final Map<Class<?>, Handler<S, ?>> handlers;

	private final Handler<S, IncidentEvent> everyEvent;

	private EventHandlers(Start<S> start, Map<Class<?>, Handler<S, ?>> handlers, Handler<S, IncidentEvent> everyEvent) {
		this.start = start;
		this.handlers = Map.copyOf(handlers);
		this.everyEvent = everyEvent;
	}

	public static <S> EventHandlers<S> startingWith(Start<S> start) {
		return new EventHandlers<>(start, Map.of(), null);
	}

	/**
	 * These handlers with {@code handler} for events of {@code type}.
	 */
	public <E extends IncidentEvent> EventHandlers<S> on(Class<E> type, Handler<S, E> handler) {
		if (type == IncidentDeclared.class || this.handlers.containsKey(type)) {
			throw new IllegalArgumentException("already handled: " + type.getSimpleName());
		}
		Map<Class<?>, Handler<S, ?>> more = new LinkedHashMap<>(this.handlers);
		more.put(type, handler);
		return new EventHandlers<>(this.start, more, this.everyEvent);
	}

	/**
	 * These handlers, then {@code handler} for every later event of a known type, whether
	 * another handler took it or not.
	 */
	public EventHandlers<S> onEveryEvent(Handler<S, IncidentEvent> handler) {
		return new EventHandlers<>(this.start, this.handlers, handler);
	}

	/**
	 * The state the declaration starts.
	 * @throws IllegalArgumentException when the event is not a declaration
	 */
	public S start(EventEnvelope declaration) {
		if (!(declaration.payload() instanceof IncidentDeclared declared)) {
			throw new IllegalArgumentException("not a declaration: " + declaration.type().name());
		}
		return this.start.on(declared, declaration);
	}

	/**
	 * The state after one more event; a declaration is left to {@link #start}.
	 */
	public S apply(S state, EventEnvelope envelope) {
		S next = handle(state, envelope.payload(), envelope);
		return (this.everyEvent != null) ? this.everyEvent.on(next, envelope.payload(), envelope) : next;
	}

	/**
	 * The state after a declaration and the events that follow it; empty when the first
	 * event is not a declaration (or there is none).
	 */
	public Optional<S> fold(List<EventEnvelope> events) {
		if (events.isEmpty() || !(events.get(0).payload() instanceof IncidentDeclared)) {
			return Optional.empty();
		}
		S state = start(events.get(0));
		for (EventEnvelope event : events.subList(1, events.size())) {
			state = apply(state, event);
		}
		return Optional.of(state);
	}

	@SuppressWarnings("unchecked")
	private <E extends IncidentEvent> S handle(S state, E event, EventEnvelope envelope) {
		Handler<S, E> handler = (Handler<S, E>) this.handlers.get(event.getClass());
		return (handler != null) ? handler.on(state, event, envelope) : state;
	}

	/**
	 * The state a declaration starts.
	 */
	@FunctionalInterface
	public interface Start<S> {

		S on(IncidentDeclared declared, EventEnvelope envelope);

	}

	/**
	 * The state after one event of type {@code E}; the envelope says when, by whom and at
	 * which sequence.
	 */
	@FunctionalInterface
	public interface Handler<S, E extends IncidentEvent> {

		S on(S state, E event, EventEnvelope envelope);

	}

}
