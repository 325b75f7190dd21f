package io.incidenttimeline.query.incidents;

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
 * Keeps one {@code incidents} row per incident, folded by {@link Incident#EVENTS}.
 */
@Component
class IncidentProjection extends FoldingProjection<Incident> {

	private final IncidentRepository incidents;

	IncidentProjection(IncidentRepository incidents) {
		super(Incident.EVENTS);
		this.incidents = incidents;
	}

	@Override
	public String name() {
		return "incidents";
	}

	@Override
	public List<String> tables() {
		return List.of("incidents");
	}

	@Override
	protected Optional<Incident> find(IncidentId incident) {
		return this.incidents.find(incident.value());
	}

	@Override
	protected void save(Incident incident) {
		this.incidents.save(incident);
	}

	@Override
	protected Map<IncidentId, Incident> findAll(Collection<IncidentId> incidents) {
		return this.incidents.findAll(incidents.stream().map(IncidentId::value).toList())
			.stream()
			.collect(Collectors.toMap((state) -> new IncidentId(state.id()), Function.identity()));
	}

	@Override
	protected void saveAll(List<Incident> states) {
		this.incidents.saveAll(states);
	}

}
