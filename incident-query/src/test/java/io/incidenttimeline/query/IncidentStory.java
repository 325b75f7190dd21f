package io.incidenttimeline.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.TimelineNoteAdded;

/**
 * Test data builder: one fresh incident whose events get the next sequence number and a
 * clock one minute later each.
 */
public final class IncidentStory {

	private final IncidentId incident = IncidentId.random();

	private long sequence;

	private Instant clock = Instant.parse("2026-11-21T08:00:00.000001Z");

	public IncidentId incident() {
		return this.incident;
	}

	public EventEnvelope declared() {
		return declared("Search is slow");
	}

	public EventEnvelope declared(String title) {
		return next(new IncidentDeclared(this.incident, title, Severity.SEV_3, List.of("search"),
				this.clock.minusSeconds(300), "erin"));
	}

	public EventEnvelope mitigation(String description) {
		return next(new MitigationApplied(this.incident, MitigationKind.FEATURE_FLAG, description));
	}

	public EventEnvelope note(String note) {
		return next(new TimelineNoteAdded(this.incident, note));
	}

	/**
	 * A well-formed event of a type no reader knows yet, as a newer producer would write
	 * it.
	 */
	public byte[] unknownType(String typeName) {
		String known = new String(IncidentEventCodec.encode(note("placeholder")), StandardCharsets.UTF_8);
		return known.replace("io.incidenttimeline.TimelineNoteAdded.v1", "io.incidenttimeline." + typeName + ".v1")
			.getBytes(StandardCharsets.UTF_8);
	}

	public EventEnvelope next(IncidentEvent payload) {
		this.sequence++;
		this.clock = this.clock.plusSeconds(60);
		return new EventEnvelope(UUID.randomUUID(), this.incident, this.sequence, this.clock, this.clock.plusMillis(7),
				"erin", "web", payload);
	}

}
