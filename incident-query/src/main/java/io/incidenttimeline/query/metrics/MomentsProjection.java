package io.incidenttimeline.query.metrics;

import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.query.consuming.Projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code mttx_moments} from the events; rebuilt with
 * {@code POST /api/admin/projections/mttx/rebuild}. A resolution also feeds the
 * Prometheus histograms, but only when it is new: during a rebuild the event is already
 * in {@code incident_events}, and counting it again would double the histograms.
 */
@Component
class MomentsProjection implements Projection {

	private final MomentsRepository moments;

	private final MttxMeters meters;

	private final JdbcClient jdbc;

	MomentsProjection(MomentsRepository moments, MttxMeters meters, JdbcClient jdbc) {
		this.moments = moments;
		this.meters = meters;
		this.jdbc = jdbc;
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
	public void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared declared) {
			this.moments.save(IncidentMoments.declared(event, declared));
			return;
		}
		this.moments.find(event.incidentId().value()).ifPresent((current) -> {
			IncidentMoments next = current.on(event);
			if (!next.equals(current)) {
				this.moments.save(next);
			}
			if (event.payload() instanceof IncidentResolved && !isReplay(event)) {
				this.meters.resolvedAfterCommit(next);
			}
		});
	}

	private boolean isReplay(EventEnvelope event) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM incident_events WHERE incident_id = ? AND sequence = ?)")
			.params(event.incidentId().value(), event.sequence())
			.query(Boolean.class)
			.single();
	}

}
