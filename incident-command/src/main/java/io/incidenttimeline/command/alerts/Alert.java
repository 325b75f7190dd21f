package io.incidenttimeline.command.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One alert notification from any sender, in our terms. {@code dedupKey} identifies the
 * notification for deduplication (Alertmanager: fingerprint and startsAt; PagerDuty:
 * routing key and dedup key); {@code alertKey} identifies the alert at its sender on the
 * timeline. {@code service} and {@code groupKey} are what routing groups by.
 * {@code firesAgain} says whether a trigger after a resolve with the same dedup key is a
 * new firing (PagerDuty) or a stale retry (Alertmanager, whose key includes startsAt).
 */
public record Alert(String integration, Action action, String dedupKey, String alertKey, String title, String summary,
		String alertSeverity, Map<String, String> labels, String service, String groupKey, Instant firedAt,
		Instant resolvedAt, String link, boolean firesAgain) {

	/**
	 * How long a sender's grouping key may be (the receipts' column).
	 */
	public static final int MAX_GROUP_KEY = 1024;

	public Alert {
		labels = (labels == null) ? Map.of() : Map.copyOf(labels);
	}

	public enum Action {

		TRIGGER, ACKNOWLEDGE, RESOLVE

	}

}
