package io.incidenttimeline.query.dashboard;

import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.query.consuming.Projection;

import org.springframework.stereotype.Component;

/**
 * Keeps {@code dashboard_incidents} from the events and tells the live stream which
 * incidents changed, once the consumer's transaction has committed.
 */
@Component
class BoardProjection implements Projection {

	private final BoardRepository board;

	private final LiveStream stream;

	BoardProjection(BoardRepository board, LiveStream stream) {
		this.board = board;
		this.stream = stream;
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
	public void apply(EventEnvelope event) {
		if (event.payload() instanceof IncidentDeclared declared) {
			this.board.save(BoardIncident.declared(event, declared));
		}
		else {
			this.board.find(event.incidentId().value()).ifPresent((current) -> this.board.save(current.on(event)));
		}
		this.stream.changedAfterCommit(event);
	}

}
