package io.incidenttimeline.events;

/**
 * Every length limit of the event vocabulary, written once: the event records enforce
 * them, and every adapter that builds an event (HTTP request records, alert senders,
 * query filters) refers to these constants instead of repeating the numbers.
 */
public final class FieldLimits {

	/** An incident's title. */
	public static final int TITLE = 200;

	/** A short name: a service (status page component), a commander, an assignee. */
	public static final int NAME = 100;

	/** A reason or a mitigation's description. */
	public static final int REASON = 2000;

	/** Long free text: a status update, a note, a resolution summary. */
	public static final int LONG_TEXT = 10000;

	/** One section of a postmortem. */
	public static final int SECTION = 20000;

	/** Who acted and through which client, as the envelope records them. */
	public static final int ACTOR = 200;

	/** The name of an alerting integration. */
	public static final int INTEGRATION = 64;

	/**
	 * An alert's identity at its sender (Alertmanager fingerprint, PagerDuty dedup key).
	 */
	public static final int ALERT_KEY = 255;

	/** An alert's one-line summary. */
	public static final int ALERT_SUMMARY = 1024;

	/** An alert's severity as its sender spelled it. */
	public static final int ALERT_SEVERITY = 64;

	/** A link back to the sender. */
	public static final int LINK = 2048;

	private FieldLimits() {
	}

}
