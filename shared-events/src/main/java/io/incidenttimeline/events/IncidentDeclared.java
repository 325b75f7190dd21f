package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An incident was declared. {@code impactStartedAt} is when users started to suffer,
 * often earlier than the declaration; {@code commander} is optional.
 */
public record IncidentDeclared(IncidentId incidentId, String title, Severity severity, List<String> services,
		Instant impactStartedAt, String commander) implements IncidentEvent {

	public IncidentDeclared {
		Require.present(incidentId, "incidentId");
		Require.text(title, "title", 200);
		Require.present(severity, "severity");
		services = List.copyOf(Require.present(services, "services"));
		services.forEach((service) -> Require.text(service, "services[]", 100));
		impactStartedAt = Require.present(impactStartedAt, "impactStartedAt").truncatedTo(ChronoUnit.MICROS);
		commander = Require.optionalText(commander, "commander", 100);
	}

}
