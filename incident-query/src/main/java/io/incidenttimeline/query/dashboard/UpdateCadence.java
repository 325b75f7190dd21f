package io.incidenttimeline.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.incidenttimeline.events.Severity;

/**
 * How often an open incident owes its users a public update: SEV-1 every 15 minutes,
 * SEV-2 every 30, SEV-3 hourly, SEV-4 no fixed cadence. The clock starts at the last
 * public update, or at the declaration while there has been none.
 */
final class UpdateCadence {

	private UpdateCadence() {
	}

	static Optional<Duration> of(Severity severity) {
		return switch (severity) {
			case SEV_1 -> Optional.of(Duration.ofMinutes(15));
			case SEV_2 -> Optional.of(Duration.ofMinutes(30));
			case SEV_3 -> Optional.of(Duration.ofMinutes(60));
			case SEV_4 -> Optional.empty();
		};
	}

	static Instant measuredFrom(BoardIncident incident) {
		return (incident.lastPublicUpdateAt() != null) ? incident.lastPublicUpdateAt() : incident.declaredAt();
	}

	/**
	 * How long past due the next public update is, empty when it is not (yet) due.
	 */
	static Optional<Duration> overdueBy(BoardIncident incident, Instant now) {
		if (!incident.status().isOpen()) {
			return Optional.empty();
		}
		return of(incident.severity()).map((cadence) -> Duration.between(measuredFrom(incident).plus(cadence), now))
			.filter((late) -> !late.isNegative() && !late.isZero());
	}

}
