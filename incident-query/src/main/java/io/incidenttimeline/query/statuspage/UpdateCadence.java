package io.incidenttimeline.query.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.incidenttimeline.events.Severity;

/**
 * How often an open incident owes the public a written update: SEV-1 every 15 minutes,
 * SEV-2 every 30, SEV-3 hourly, SEV-4 never. The clock starts at the last public update,
 * or at the declaration while there has been none. Only public status updates count; the
 * generated entries for status changes do not, since nobody wrote them. The status page's
 * overdue list and the dashboard both ask here.
 */
public final class UpdateCadence {

	private UpdateCadence() {
	}

	public static Optional<Duration> of(Severity severity) {
		return switch (severity) {
			case SEV_1 -> Optional.of(Duration.ofMinutes(15));
			case SEV_2 -> Optional.of(Duration.ofMinutes(30));
			case SEV_3 -> Optional.of(Duration.ofMinutes(60));
			case SEV_4 -> Optional.empty();
		};
	}

	/**
	 * When the next public update is due: the cadence after the last public update, or
	 * after the declaration while there is none yet.
	 */
	public static Optional<Instant> dueAt(Severity severity, Instant declaredAt, Instant lastPublicUpdateAt) {
		Instant since = (lastPublicUpdateAt != null) ? lastPublicUpdateAt : declaredAt;
		return of(severity).map(since::plus);
	}

	/**
	 * How long past due the incident is at {@code now}; empty when it is not overdue.
	 */
	public static Optional<Duration> overdueBy(Severity severity, Instant declaredAt, Instant lastPublicUpdateAt,
			Instant now) {
		return dueAt(severity, declaredAt, lastPublicUpdateAt).filter(now::isAfter)
			.map((due) -> Duration.between(due, now));
	}

}
