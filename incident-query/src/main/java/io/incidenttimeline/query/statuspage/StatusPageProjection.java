package io.incidenttimeline.query.statuspage;

import java.util.List;
import java.util.Optional;

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
	protected void save(StatusPageState state) {
		this.repository.save(state.incident());
		for (StatusPageState.SpanChange change : state.spans()) {
			if (change instanceof StatusPageState.SpanChange.Opened opened) {
				this.repository.openSpans(state.incident().id(), opened);
			}
			else if (change instanceof StatusPageState.SpanChange.Closed closed) {
				this.repository.closeSpans(state.incident().id(), closed.at());
			}
		}
		state.updates().forEach(this.repository::add);
	}

}
