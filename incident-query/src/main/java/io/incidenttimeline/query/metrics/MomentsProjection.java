package io.incidenttimeline.query.metrics;

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
 * Keeps {@code mttx_moments} from the events, folded by {@link IncidentMoments#EVENTS};
 * rebuilt with {@code POST /api/admin/projections/mttx/rebuild}. The Prometheus
 * histograms hear of resolutions elsewhere ({@link MttxMeters}), only when they are
 * applied live.
 */
@Component
class MomentsProjection extends FoldingProjection<IncidentMoments> {

	private final MomentsRepository moments;

	MomentsProjection(MomentsRepository moments) {
		super(IncidentMoments.EVENTS);
		this.moments = moments;
	}

	@Override
	public String name() {
		return "mttx";
	}

	@Override
	public List<String> tables() {
		return List.of("mttx_moments");
	}

	@Override
	protected Optional<IncidentMoments> find(IncidentId incident) {
		return this.moments.find(incident.value());
	}

	@Override
	protected void save(IncidentMoments moments) {
		this.moments.save(moments);
	}

	@Override
	protected Map<IncidentId, IncidentMoments> findAll(Collection<IncidentId> incidents) {
		return this.moments.findAll(incidents.stream().map(IncidentId::value).toList())
			.stream()
			.collect(Collectors.toMap((state) -> new IncidentId(state.incidentId()), Function.identity()));
	}

	@Override
	protected void saveAll(List<IncidentMoments> states) {
		this.moments.saveAll(states);
	}

}
