package io.incidenttimeline.query.postmortem;

import java.util.List;
import java.util.Optional;

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

}
