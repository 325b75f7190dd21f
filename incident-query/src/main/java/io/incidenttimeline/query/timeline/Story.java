package io.incidenttimeline.query.timeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemUpdated;
import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.StatusChanged;

/**
 * What the events read so far said about an incident, as much as one line of the timeline
 * needs: the value a correction replaces (the key moments as MTTx defines them, a later
 * correction replacing an earlier one) and the titles of action items. Fed in sequence
 * order.
 */
final class Story {

	private final Map<KeyMoment, Instant> stated = new EnumMap<>(KeyMoment.class);

	private final Map<KeyMoment, Instant> corrected = new EnumMap<>(KeyMoment.class);

	private final Map<UUID, String> itemTitles = new HashMap<>();

	private Instant declaredAt;

	Optional<Instant> moment(KeyMoment moment) {
		return Optional.ofNullable(this.corrected.getOrDefault(moment, this.stated.get(moment)));
	}

	String itemTitle(UUID actionItemId) {
		String title = this.itemTitles.get(actionItemId);
		return (title != null) ? " \"" + Summaries.cut(title) + "\"" : "";
	}

	void read(EventEnvelope envelope) {
		Instant at = envelope.occurredAt();
		Object event = envelope.payload();
		if (event instanceof IncidentDeclared declared) {
			this.declaredAt = at;
			this.stated.put(KeyMoment.IMPACT_STARTED, declared.impactStartedAt());
			this.stated.put(KeyMoment.DETECTED, earliest(declared.detectedAt(), at));
		}
		else if (event instanceof AlertTriggered && this.declaredAt != null && !at.isAfter(this.declaredAt)) {
			this.stated.merge(KeyMoment.DETECTED, at, Story::earliest);
		}
		else if (event instanceof IncidentAcknowledged || event instanceof AlertAcknowledged) {
			this.stated.merge(KeyMoment.ACKNOWLEDGED, at, Story::earliest);
		}
		else if (event instanceof StatusChanged changed && changed.to() == IncidentStatus.MONITORING) {
			this.stated.merge(KeyMoment.MITIGATED, at, Story::earliest);
		}
		else if (event instanceof IncidentResolved) {
			this.stated.merge(KeyMoment.MITIGATED, at, Story::earliest);
			this.stated.put(KeyMoment.RESOLVED, at);
		}
		else if (event instanceof IncidentReopened) {
			this.stated.remove(KeyMoment.RESOLVED);
		}
		else if (event instanceof KeyMomentCorrected correction) {
			this.corrected.put(correction.moment(), correction.correctedTo());
		}
		else if (event instanceof ActionItemAdded added) {
			this.itemTitles.put(added.actionItemId(), added.title());
		}
		else if (event instanceof ActionItemUpdated updated && updated.title() != null) {
			this.itemTitles.put(updated.actionItemId(), updated.title());
		}
	}

	private static Instant earliest(Instant one, Instant other) {
		if (one == null) {
			return other;
		}
		return (other == null || one.isBefore(other)) ? one : other;
	}

}
