package io.incidenttimeline.query.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open incidents that owe the public an update by their severity's {@link UpdateCadence},
 * measured against the server clock at the moment of the request.
 */
@RestController
class OverdueUpdates {

	private final StatusPageRepository repository;

	private final Clock clock;

	OverdueUpdates(StatusPageRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@GetMapping("/api/status/overdue")
	Answer overdue() {
		Instant now = this.clock.instant();
		List<Overdue> overdue = this.repository.open()
			.stream()
			.map((incident) -> overdue(incident, now))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Overdue::dueAt).thenComparing(Overdue::incidentId))
			.toList();
		return new Answer(now, overdue);
	}

	static Optional<Overdue> overdue(PublicIncident incident, Instant now) {
		return UpdateCadence.overdueBy(incident.severity(), incident.createdAt(), incident.lastPublicUpdateAt(), now)
			.map((by) -> new Overdue(incident.id(), incident.name(), incident.severity().label(),
					incident.lastPublicUpdateAt(),
					UpdateCadence.dueAt(incident.severity(), incident.createdAt(), incident.lastPublicUpdateAt())
						.orElseThrow(),
					by));
	}

	record Answer(Instant checkedAt, List<Overdue> incidents) {
	}

	/**
	 * {@code overdueBy} as an ISO-8601 duration, {@code overdueBySeconds} for alerting
	 * rules.
	 */
	record Overdue(UUID incidentId, String title, String severity, Instant lastPublicUpdateAt, Instant dueAt,
			String overdueBy, long overdueBySeconds) {

		Overdue(UUID incidentId, String title, String severity, Instant lastPublicUpdateAt, Instant dueAt,
				Duration by) {
			this(incidentId, title, severity, lastPublicUpdateAt, dueAt, by.toString(), by.toSeconds());
		}

	}

}
