package io.incidenttimeline.query.consuming;

import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A projection that keeps one state per incident: the declaration creates and saves it;
 * every later event loads it, folds the event in with the {@link EventHandlers} and saves
 * it when it changed. An event whose incident has no state (its declaration was of a type
 * this reader could not decode) is logged and skipped.
 *
 * @param <S> the state of one incident; {@code equals} tells whether an event changed it
 */
public abstract class FoldingProjection<S> implements Projection {

	private static final Logger log = LoggerFactory.getLogger(FoldingProjection.class);

	private final EventHandlers<S> handlers;

	protected FoldingProjection(EventHandlers<S> handlers) {
		this.handlers = handlers;
	}

	protected abstract Optional<S> find(IncidentId incident);

	protected abstract void save(S state);

	@Override
	public final void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared) {
			save(this.handlers.start(event));
			return;
		}
		Optional<S> current = find(event.incidentId());
		if (current.isEmpty()) {
			log.warn("incident {}: {} at sequence {} without a declaration; not in projection {}", event.incidentId(),
					event.type().name(), event.sequence(), name());
			return;
		}
		S next = this.handlers.apply(current.get(), event);
		if (!next.equals(current.get())) {
			save(next);
		}
	}

}
