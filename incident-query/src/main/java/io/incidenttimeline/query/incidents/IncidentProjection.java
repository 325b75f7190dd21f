package io.incidenttimeline.query.incidents;

import java.util.List;
import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.query.consuming.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps one {@code incidents} row per incident: read it, fold the event in, write it
 * back.
 */
@Component
class IncidentProjection implements Projection {

	private static final Logger log = LoggerFactory.getLogger(IncidentProjection.class);

	private final IncidentRepository incidents;

	IncidentProjection(IncidentRepository incidents) {
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
	public void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared declared) {
			this.incidents.save(Incident.declared(event, declared));
			return;
		}
		Optional<Incident> incident = this.incidents.find(event.incidentId().value());
		if (incident.isEmpty()) {
			// only when the declaration itself was of a type this reader could not decode
			log.warn("incident {}: {} at sequence {} without a declaration; not in the incidents list",
					event.incidentId(), event.type().name(), event.sequence());
			return;
		}
		this.incidents.save(incident.get().on(event));
	}

}
