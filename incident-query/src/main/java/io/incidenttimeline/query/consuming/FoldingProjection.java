package io.incidenttimeline.query.consuming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * <p>
 * {@link #applyAll} folds many events with few statements: it loads the state of every
 * incident concerned at once ({@link #findAll}), folds each incident's events in order
 * and saves the states that changed at once ({@link #saveAll}); the rows end up as
 * {@link #apply}, event by event, would leave them. Override {@link #findAll} and
 * {@link #saveAll} with one query and one JDBC batch.
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

	/**
	 * The states of those of these incidents that have one. One {@link #find} each unless
	 * overridden.
	 */
	protected Map<IncidentId, S> findAll(Collection<IncidentId> incidents) {
		Map<IncidentId, S> found = new HashMap<>();
		for (IncidentId incident : incidents) {
			find(incident).ifPresent((state) -> found.put(incident, state));
		}
		return found;
	}

	/**
	 * Saves these states, each of another incident. One {@link #save} each unless
	 * overridden.
	 */
	protected void saveAll(List<S> states) {
		states.forEach(this::save);
	}

	@Override
	public final void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared) {
			save(this.handlers.start(event));
			return;
		}
		Optional<S> current = find(event.incidentId());
		if (current.isEmpty()) {
			skipped(event);
			return;
		}
		S next = this.handlers.apply(current.get(), event);
		if (!next.equals(current.get())) {
			save(next);
		}
	}

	@Override
	public final void applyAll(List<EventEnvelope> events) {
		if (events.size() == 1) {
			apply(events.get(0));
			return;
		}
		Map<IncidentId, List<EventEnvelope>> byIncident = new LinkedHashMap<>();
		for (EventEnvelope event : events) {
			byIncident.computeIfAbsent(event.incidentId(), (incident) -> new ArrayList<>()).add(event);
		}
		Set<IncidentId> toLoad = new LinkedHashSet<>();
		byIncident.forEach((incident, ofIncident) -> {
			if (!(ofIncident.get(0).payload() instanceof IncidentDeclared)) {
				toLoad.add(incident);
			}
		});
		Map<IncidentId, S> loaded = toLoad.isEmpty() ? Map.of() : findAll(toLoad);
		List<S> changed = new ArrayList<>();
		byIncident.forEach((incident, ofIncident) -> {
			S before = loaded.get(incident);
			S state = before;
			boolean declared = false;
			for (EventEnvelope event : ofIncident) {
				if (event.payload() instanceof IncidentDeclared) {
					state = this.handlers.start(event);
					declared = true;
				}
				else if (state == null) {
					skipped(event);
				}
				else {
					state = this.handlers.apply(state, event);
				}
			}
			if (state != null && (declared || !state.equals(before))) {
				changed.add(state);
			}
		});
		if (!changed.isEmpty()) {
			saveAll(changed);
		}
	}

	private void skipped(EventEnvelope event) {
		log.warn("incident {}: {} at sequence {} without a declaration; not in projection {}", event.incidentId(),
				event.type().name(), event.sequence(), name());
	}

}
