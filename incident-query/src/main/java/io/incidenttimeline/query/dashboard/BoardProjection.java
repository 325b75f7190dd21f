package io.incidenttimeline.query.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.consuming.FoldingProjection;

import org.springframework.stereotype.Component;

/**
 * Keeps {@code dashboard_incidents} from the events, folded by
 * {@link BoardIncident#EVENTS}. The live stream hears of committed changes on its own
 * ({@link LiveStream}).
 */
@Component
class BoardProjection extends FoldingProjection<BoardIncident> {

	private final BoardRepository board;

	BoardProjection(BoardRepository board) {
		super(BoardIncident.EVENTS);
		this.board = board;
	}

	@Override
	public String name() {
		return "dashboard";
	}

	@Override
	public List<String> tables() {
		return List.of("dashboard_incidents");
	}

	@Override
	protected Optional<BoardIncident> find(IncidentId incident) {
		return this.board.find(incident.value());
	}

	@Override
	protected void save(BoardIncident incident) {
		this.board.save(incident);
	}

	@Override
	protected Map<IncidentId, BoardIncident> findAll(Collection<IncidentId> incidents) {
		return this.board.findAll(incidents.stream().map(IncidentId::value).toList())
			.stream()
			.collect(Collectors.toMap((state) -> new IncidentId(state.incidentId()), Function.identity()));
	}

	@Override
	protected void saveAll(List<BoardIncident> states) {
		this.board.saveAll(states);
	}

}
