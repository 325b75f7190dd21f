package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An incident was declared. {@code impactStartedAt} is when users started to suffer,
 * often earlier than the declaration; {@code commander} is optional. {@code openingAlert}
 * (since v2) names the alert whose arrival declared the incident, or is null when a
 * person declared it; a v1 declaration reads with none.
 */
public record IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
		Instant impactStartedAt, String commander, OpeningAlert openingAlert) implements IncidentEvent {

	public IncidentDeclared {
		Require.present(incidentId, "incidentId");
		Require.text(title, "title", FieldLimits.TITLE);
		Require.present(severity, "severity");
		services = List.copyOf(Require.present(services, "services"));
		services.forEach((service) -> Require.text(service, "services[]", FieldLimits.NAME));
		impactStartedAt = Require.present(impactStartedAt, "impactStartedAt").truncatedTo(ChronoUnit.MICROS);
		commander = Require.optionalText(commander, "commander", FieldLimits.NAME);
	}

	/**
	 * A declaration by a person: no opening alert.
	 */
	public IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
			Instant impactStartedAt, String commander) {
		this(incidentId, title, severity, services, impactStartedAt, commander, null);
	}

}
