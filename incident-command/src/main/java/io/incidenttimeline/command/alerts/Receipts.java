package io.incidenttimeline.command.alerts;

import java.util.List;
import java.util.Locale;

import io.incidenttimeline.command.alerts.AlertIngestion.Outcome;
import io.incidenttimeline.command.alerts.AlertIngestion.Result;
import io.incidenttimeline.events.IncidentId;

/**
 * What a webhook answers: per alert, what became of it.
 */
public record Receipts(List<Item> alerts) {

	public static Receipts of(List<Outcome> outcomes) {
		return new Receipts(outcomes.stream()
			.map((outcome) -> new Item(outcome.alert().alertKey(),
					outcome.alert().action().name().toLowerCase(Locale.ROOT), outcome.result(), outcome.incidentId()))
			.toList());
	}

	public record Item(String alertKey, String action, Result result, IncidentId incidentId) {
	}

}
