package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.incidenttimeline.events.EventEnvelope;

/**
 * An incident's key moments and its MTTx durations as the MTTx figures define them, for
 * other features (the postmortem header), folded from the incident's events. Each moment
 * says which kind of fact gave it ({@code impactStartedBy}: declared|corrected;
 * {@code detectedBy}: stated|alert|declaration|corrected; {@code acknowledgedBy}:
 * responder|sender|corrected; {@code mitigatedBy}: monitoring|resolution|corrected;
 * {@code resolvedBy}: resolution|corrected). A duration is null when a moment is missing
 * or the end precedes the start.
 */
public record KeyMoments(Instant impactStartedAt, String impactStartedBy, Instant detectedAt, String detectedBy,
		Instant acknowledgedAt, String acknowledgedBy, Instant mitigatedAt, String mitigatedBy, Instant resolvedAt,
		String resolvedBy, Double mttdSeconds, Double mttaSeconds, Double mttmSeconds, Double mttrSeconds) {

	/**
	 * The moments of the incident whose events (in sequence order, starting with its
	 * declaration) these are; empty without a declaration.
	 */
	public static Optional<KeyMoments> of(List<EventEnvelope> events) {
		return IncidentMoments.EVENTS.fold(events).map(KeyMoments::of);
	}

	private static KeyMoments of(IncidentMoments moments) {
		return new KeyMoments(moments.impactStartedAt(), moments.impactStartedBy(), moments.detectedAt(),
				moments.detectedBy(), moments.firstAcknowledgedAt(), moments.acknowledgedBy(), moments.mitigatedAt(),
				moments.mitigatedBy(), moments.resolvedAt(), moments.resolvedBy(), seconds(Mttx.MTTD, moments),
				seconds(Mttx.MTTA, moments), seconds(Mttx.MTTM, moments), seconds(Mttx.MTTR, moments));
	}

	private static Double seconds(Mttx metric, IncidentMoments moments) {
		var micros = metric.micros(moments);
		return micros.isPresent() ? micros.getAsLong() / 1_000_000.0 : null;
	}

}
