package io.incidenttimeline.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A key moment was stated wrongly and is corrected, typically during the review: from now
 * on MTTx uses {@code correctedTo}. Nothing earlier is edited: the timeline shows the
 * original event and this correction, and a view as of an earlier instant still shows
 * what was known then.
 */
public record KeyMomentCorrected(IncidentId incidentId, KeyMoment moment, Instant correctedTo,
		@MultiLine String reason) implements IncidentEvent {

	public KeyMomentCorrected {
		Require.present(incidentId, "incidentId");
		Require.present(moment, "moment");
		correctedTo = Require.present(correctedTo, "correctedTo").truncatedTo(ChronoUnit.MICROS);
		Require.text(reason, "reason", FieldLimits.REASON);
	}

}
