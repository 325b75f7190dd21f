package io.incidenttimeline.query.postmortem;

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
 * Keeps {@code postmortems} and {@code postmortem_action_items} from the events, folded
 * by {@link Postmortem#EVENTS}; rebuilt with
 * {@code POST /api/admin/projections/postmortems/rebuild}.
 */
@Component
class PostmortemProjection extends FoldingProjection<Postmortem> {

	private final PostmortemRepository postmortems;

	PostmortemProjection(PostmortemRepository postmortems) {
		super(Postmortem.EVENTS);
		this.postmortems = postmortems;
	}

	@Override
	public String name() {
		return "postmortems";
	}

	@Override
	public List<String> tables() {
		return List.of("postmortems", "postmortem_action_items");
	}

	@Override
	protected Optional<Postmortem> find(IncidentId incident) {
		return this.postmortems.find(incident.value());
	}

	@Override
	protected void save(Postmortem postmortem) {
		this.postmortems.save(postmortem);
	}

	@Override
	protected Map<IncidentId, Postmortem> findAll(Collection<IncidentId> incidents) {
		return this.postmortems.findAll(incidents.stream().map(IncidentId::value).toList())
			.stream()
			.collect(Collectors.toMap((state) -> new IncidentId(state.incidentId()), Function.identity()));
	}

	@Override
	protected void saveAll(List<Postmortem> postmortems) {
		this.postmortems.saveAll(postmortems);
	}

}
