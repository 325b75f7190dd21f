package io.incidenttimeline.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.incidenttimeline.query.statuspage.UpdateCadence;

/**
 * A row of the open-incidents board as of {@code now}.
 */
record OpenIncident(UUID incidentId, String title, String severity, String status, String commander, Instant declaredAt,
		Instant lastPublicUpdateAt, String sinceDeclared, String sinceLastPublicUpdate, boolean overdue,
		String overdueBy) {

	static OpenIncident of(BoardIncident incident, Instant now) {
		Duration late = overdueBy(incident, now).orElse(null);
		return new OpenIncident(incident.incidentId(), incident.title(), incident.severity().label(),
				incident.status().name().toLowerCase(Locale.ROOT), incident.commander(), incident.declaredAt(),
				incident.lastPublicUpdateAt(), age(incident.declaredAt(), now),
				(incident.lastPublicUpdateAt() != null) ? age(incident.lastPublicUpdateAt(), now) : null, late != null,
				(late != null) ? text(late) : null);
	}

	static Optional<Duration> overdueBy(BoardIncident incident, Instant now) {
		if (!incident.status().isOpen()) {
			return Optional.empty();
		}
		return UpdateCadence.overdueBy(incident.severity(), incident.declaredAt(), incident.lastPublicUpdateAt(), now);
	}

	static String age(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		return age.isNegative() ? "0s" : text(age);
	}

	static String text(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + "m";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + "h " + String.format("%02dm", minutes % 60);
		}
		return (hours / 24) + "d " + (hours % 24) + "h";
	}

}
