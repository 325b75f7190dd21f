package io.incidenttimeline.query.statuspage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.FoldingProjection;

import org.springframework.stereotype.Component;

/**
 * The public status page read model, folded by {@link StatusPageState#EVENTS}: saving a
 * state writes its row and then what the fold left waiting, its public updates and its
 * impact spans.
 */
@Component
class StatusPageProjection extends FoldingProjection<StatusPageState> {

	private final StatusPageRepository repository;

	StatusPageProjection(StatusPageRepository repository) {
		super(StatusPageState.EVENTS);
		this.repository = repository;
	}

	@Override
	public String name() {
		return "status-page";
	}

	@Override
	public List<String> tables() {
		return List.of("status_page_incidents", "status_page_updates", "status_page_impacts");
	}

	@Override
	protected Optional<StatusPageState> find(IncidentId incident) {
		return this.repository.find(incident.value()).map(StatusPageState::of);
	}

	@Override
	protected Map<IncidentId, StatusPageState> findAll(Collection<IncidentId> incidents) {
		return this.repository.findAll(incidents.stream().map(IncidentId::value).toList())
			.stream()
			.collect(Collectors.toMap((incident) -> new IncidentId(incident.id()), StatusPageState::of));
	}

	@Override
	protected void save(StatusPageState state) {
		saveAll(List.of(state));
	}

	/**
	 * The rows in one batch; then the span changes in rounds, the first change of every
	 * incident, then the second, and so on, so that each incident's changes happen in the
	 * order the fold left them (a round's changes, each of another incident, in two
	 * batches); then the public updates in one batch.
	 */
	@Override
	protected void saveAll(List<StatusPageState> states) {
		this.repository.saveAll(states.stream().map(StatusPageState::incident).toList());
		for (int round = 0;; round++) {
			List<StatusPageRepository.SpanChange> changes = new ArrayList<>();
			for (StatusPageState state : states) {
				if (round < state.spans().size()) {
					changes.add(new StatusPageRepository.SpanChange(state.incident().id(), state.spans().get(round)));
				}
			}
			if (changes.isEmpty()) {
				break;
			}
			this.repository.changeSpans(changes);
		}
		this.repository.addAll(states.stream().flatMap((state) -> state.updates().stream()).toList());
	}

}
