package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An incident was declared. {@code impactStartedAt} is when users started to suffer,
 * often earlier than the declaration; {@code commander} is optional. {@code openingAlert}
 * (since v2) names the alert whose arrival declared the incident, or is null when a
 * person declared it; a v1 declaration reads with none. {@code detectedAt} and
 * {@code detectionMethod} (since v3, both optional) say when and how the problem was
 * first noticed, which can be before the declaration and before the first alert.
 */
public record IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
		Instant impactStartedAt, String commander, OpeningAlert openingAlert, Instant detectedAt,
		DetectionMethod detectionMethod) implements IncidentEvent {

	public IncidentDeclared {
		Require.present(incidentId, "incidentId");
		Require.text(title, "title", FieldLimits.TITLE);
		Require.present(severity, "severity");
		services = List.copyOf(Require.present(services, "services"));
		services.forEach((service) -> Require.text(service, "services[]", FieldLimits.NAME));
		impactStartedAt = Require.present(impactStartedAt, "impactStartedAt").truncatedTo(ChronoUnit.MICROS);
		commander = Require.optionalText(commander, "commander", FieldLimits.NAME);
		detectedAt = (detectedAt != null) ? detectedAt.truncatedTo(ChronoUnit.MICROS) : null;
	}

	/**
	 * A declaration without a stated detection.
	 */
	public IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
			Instant impactStartedAt, String commander, OpeningAlert openingAlert) {
		this(incidentId, title, severity, services, impactStartedAt, commander, openingAlert, null, null);
	}

	/**
	 * A declaration by a person: no opening alert.
	 */
	public IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
			Instant impactStartedAt, String commander) {
		this(incidentId, title, severity, services, impactStartedAt, commander, null, null, null);
	}

}
