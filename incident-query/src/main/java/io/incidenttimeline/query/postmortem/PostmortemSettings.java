package io.incidenttimeline.query.postmortem;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.incidenttimeline.events.Severity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The postmortem policy: incidents whose highest severity is one of {@code severities}
 * owe a published postmortem within {@code businessDays} business days (Monday to Friday,
 * UTC) of their resolution. Defaults: SEV-1 and SEV-2, 5 business days
 * ({@code POSTMORTEM_SEVERITIES}, {@code POSTMORTEM_BUSINESS_DAYS}).
 */
@Validated
@ConfigurationProperties("incident-query.postmortems")
record PostmortemSettings(@NotNull @DefaultValue( {
		"SEV-1", "SEV-2" }) List<String> severities, @Min(1) @DefaultValue("5") int businessDays){

	/**
	 * A severity label that does not exist stops the service at start, naming the
	 * setting.
	 */
	PostmortemSettings {
		for (String severity : severities) {
			try {
				Severity.fromLabel(severity.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("incident-query.postmortems.severities (POSTMORTEM_SEVERITIES): "
						+ "'" + severity + "' is not a severity such as SEV-1", ex);
			}
		}
	}

	List<Severity> policySeverities() {
		return this.severities.stream().map(String::trim).map(Severity::fromLabel).toList();
	}

	/**
	 * {@code businessDays} business days after {@code resolvedAt}, at the same time of
	 * day: Saturdays and Sundays do not count.
	 */
	Instant dueAt(Instant resolvedAt) {
		ZonedDateTime due = resolvedAt.atZone(ZoneOffset.UTC);
		int counted = 0;
		while (counted < this.businessDays) {
			due = due.plusDays(1);
			if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
				counted++;
			}
		}
		return due.toInstant();
	}

}
