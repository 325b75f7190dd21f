package io.incidenttimeline.events;

/**
 * A well-formed CloudEvent whose type this reader does not know (written by a newer
 * producer). It still says which incident and sequence number it occupies, so a reader
 * can step over it without breaking the incident's order.
 */
public class UnknownEventTypeException extends RuntimeException {

	private final IncidentId incidentId;

	private final long sequence;

	private final String type;

	public UnknownEventTypeException(IncidentId incidentId, long sequence, String type) {
		super("unknown event type " + type + " at sequence " + sequence + " of incident " + incidentId);
		this.incidentId = incidentId;
		this.sequence = sequence;
		this.type = type;
	}

	public IncidentId incidentId() {
		return this.incidentId;
	}

	public long sequence() {
		return this.sequence;
	}

	public String type() {
		return this.type;
	}

}
