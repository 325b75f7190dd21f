package io.incidenttimeline.events;

/**
 * A written update on the incident: public ones are shown on the status page, internal
 * ones only to responders.
 */
public record StatusUpdatePosted(IncidentId incidentId, Visibility visibility,
		@MultiLine String body) implements IncidentEvent {

	public StatusUpdatePosted {
		Require.present(incidentId, "incidentId");
		Require.present(visibility, "visibility");
		Require.text(body, "body", FieldLimits.LONG_TEXT);
	}

}
