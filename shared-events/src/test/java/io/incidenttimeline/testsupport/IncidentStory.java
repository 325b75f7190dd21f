package io.incidenttimeline.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.OpeningAlert;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Visibility;

/**
 * The scripted-incident builder of every query test: one fresh incident whose events get
 * the next sequence number. By default each event happens one minute after the previous
 * one, is recorded {@link #DEFAULT_RECORDING_DELAY} later, by {@code erin} through
 * {@code web}. {@link #at}, {@link #after}, {@link #recordedAt}, {@link #recordedAfter},
 * {@link #by} and {@link #via} change that for the next event only:
 *
 * <pre>
 * story.at("2026-11-17T10:04:00Z").alertTriggered();
 * story.after(Duration.ofMinutes(-5)).recordedAfter(Duration.ofMinutes(20)).mitigation("Rolled back");
 * </pre>
 */
public final class IncidentStory {

	/**
	 * When a story starts unless told otherwise: its first event happens a minute later.
	 */
	public static final Instant DEFAULT_START = Instant.parse("2026-11-21T08:00:00.000001Z");

	public static final Duration DEFAULT_RECORDING_DELAY = Duration.ofMillis(7);

	/** The default declaration's impact started this long before the declaration. */
	public static final Duration DEFAULT_IMPACT_LEAD = Duration.ofMinutes(6);

	private static final Duration STEP = Duration.ofMinutes(1);

	private final IncidentId incident = IncidentId.random();

	private final List<EventEnvelope> events = new ArrayList<>();

	private Duration recordingDelay;

	private Instant clock;

	private long sequence;

	private Instant nextOccurredAt;

	private Instant nextRecordedAt;

	private Duration nextRecordedAfter;

	private String nextActor;

	private String nextSource;

	public IncidentStory() {
		this(DEFAULT_START, DEFAULT_RECORDING_DELAY);
	}

	private IncidentStory(Instant start, Duration recordingDelay) {
		this.clock = start;
		this.recordingDelay = recordingDelay;
	}

	/**
	 * A story whose first event happens exactly at {@code firstEventAt}.
	 */
	public static IncidentStory startingAt(Instant firstEventAt) {
		return new IncidentStory(firstEventAt.minus(STEP), DEFAULT_RECORDING_DELAY);
	}

	/**
	 * From now on each event is recorded {@code delay} after it happened unless told
	 * otherwise.
	 */
	public IncidentStory recordingEachAfter(Duration delay) {
		this.recordingDelay = delay;
		return this;
	}

	public IncidentId incident() {
		return this.incident;
	}

	public UUID id() {
		return this.incident.value();
	}

	/**
	 * Every envelope so far, in sequence order (unknown-type records are not envelopes
	 * and not among them, though they took their sequence number).
	 */
	public List<EventEnvelope> events() {
		return List.copyOf(this.events);
	}

	// how the next event is stamped

	/** The next event happens at this moment; later ones follow from it. */
	public IncidentStory at(Instant occurredAt) {
		this.nextOccurredAt = occurredAt;
		return this;
	}

	public IncidentStory at(String occurredAt) {
		return at(Instant.parse(occurredAt));
	}

	/** The next event happens this long after the previous one (negative: before it). */
	public IncidentStory after(Duration step) {
		return at(this.clock.plus(step));
	}

	/** The next event is recorded at this moment (a backdated entry). */
	public IncidentStory recordedAt(Instant recordedAt) {
		this.nextRecordedAt = recordedAt;
		return this;
	}

	public IncidentStory recordedAt(String recordedAt) {
		return recordedAt(Instant.parse(recordedAt));
	}

	/** The next event is recorded this long after it happened. */
	public IncidentStory recordedAfter(Duration delay) {
		this.nextRecordedAfter = delay;
		return this;
	}

	/** Who does the next event. */
	public IncidentStory by(String actor) {
		this.nextActor = actor;
		return this;
	}

	/** Through which client or integration the next event comes. */
	public IncidentStory via(String source) {
		this.nextSource = source;
		return this;
	}

	// the events

	/**
	 * "Search is slow", SEV-3, service search, commander erin, impact six minutes before
	 * the declaration.
	 */
	public EventEnvelope declared() {
		return declared(UnaryOperator.identity());
	}

	public EventEnvelope declared(String title) {
		return declared((declaration) -> declaration.title(title));
	}

	public EventEnvelope declared(Severity severity, String title, String... services) {
		return declared((declaration) -> declaration.severity(severity).title(title).services(services));
	}

	/**
	 * The declaration with what {@code spec} changes of the default one.
	 */
	public EventEnvelope declared(UnaryOperator<Declaration> spec) {
		Instant occurredAt = nextOccurredAt();
		Declaration declaration = spec.apply(Declaration.DEFAULT);
		Instant impact = (declaration.impactStartedAt() != null) ? declaration.impactStartedAt()
				: occurredAt.minus(declaration.impactBefore());
		return next(new IncidentDeclared(this.incident, declaration.title(), declaration.severity(),
				declaration.services(), impact, declaration.commander(), declaration.openingAlert()));
	}

	public EventEnvelope acknowledged() {
		return next(new IncidentAcknowledged(this.incident));
	}

	public EventEnvelope severity(Severity from, Severity to, String reason) {
		return next(new SeverityChanged(this.incident, from, to, reason));
	}

	public EventEnvelope status(IncidentStatus from, IncidentStatus to) {
		return next(new StatusChanged(this.incident, from, to));
	}

	public EventEnvelope mitigation(String description) {
		return mitigation(MitigationKind.FEATURE_FLAG, description);
	}

	public EventEnvelope mitigation(MitigationKind kind, String description) {
		return next(new MitigationApplied(this.incident, kind, description));
	}

	public EventEnvelope role(Role role, String assignee) {
		return next(new RoleAssigned(this.incident, role, assignee));
	}

	public EventEnvelope publicUpdate(String body) {
		return next(new StatusUpdatePosted(this.incident, Visibility.PUBLIC, body));
	}

	public EventEnvelope internalUpdate(String body) {
		return next(new StatusUpdatePosted(this.incident, Visibility.INTERNAL, body));
	}

	public EventEnvelope note(String note) {
		return next(new TimelineNoteAdded(this.incident, note));
	}

	public EventEnvelope resolved(String summary) {
		return next(new IncidentResolved(this.incident, summary));
	}

	public EventEnvelope reopened(String reason) {
		return next(new IncidentReopened(this.incident, reason));
	}

	/**
	 * An Alertmanager alert keyed {@code fp-<incident>}, fired 30 seconds before we
	 * received it.
	 */
	public EventEnvelope alertTriggered() {
		return alertTriggered("alertmanager", "fp-" + this.incident, "Error rate above 5%");
	}

	public EventEnvelope alertTriggered(String integration, String alertKey, String summary) {
		Instant receivedAt = nextOccurredAt();
		return next(new AlertTriggered(this.incident, integration, alertKey, summary, "critical",
				Map.of("alertname", "HighErrorRate"), receivedAt.minusSeconds(30), null));
	}

	public EventEnvelope alertAcknowledged(String integration, String alertKey) {
		return next(new AlertAcknowledged(this.incident, integration, alertKey));
	}

	public EventEnvelope alertResolved(String integration, String alertKey, Instant resolvedAt) {
		return next(new AlertResolved(this.incident, integration, alertKey, resolvedAt));
	}

	/**
	 * Any event of this incident, stamped like the others.
	 */
	public EventEnvelope next(IncidentEvent payload) {
		Instant occurredAt = nextOccurredAt();
		Instant recordedAt = (this.nextRecordedAt != null) ? this.nextRecordedAt
				: occurredAt.plus((this.nextRecordedAfter != null) ? this.nextRecordedAfter : this.recordingDelay);
		String actor = (this.nextActor != null) ? this.nextActor : "erin";
		String source = (this.nextSource != null) ? this.nextSource : "web";
		this.sequence++;
		this.clock = occurredAt;
		this.nextOccurredAt = null;
		this.nextRecordedAt = null;
		this.nextRecordedAfter = null;
		this.nextActor = null;
		this.nextSource = null;
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), this.incident, this.sequence, occurredAt,
				recordedAt, actor, source, payload);
		this.events.add(envelope);
		return envelope;
	}

	/**
	 * The next sequence number as a newer producer would write it: a well-formed
	 * CloudEvent of a type no reader knows yet, whose {@code data} is a note reading
	 * {@code placeholder}.
	 */
	public byte[] unknownType(String typeName) {
		EventEnvelope stand = next(new TimelineNoteAdded(this.incident, "placeholder"));
		this.events.remove(this.events.size() - 1);
		String known = new String(IncidentEventCodec.encode(stand), StandardCharsets.UTF_8);
		return known.replace("io.incidenttimeline.TimelineNoteAdded.v1", "io.incidenttimeline." + typeName + ".v1")
			.getBytes(StandardCharsets.UTF_8);
	}

	private Instant nextOccurredAt() {
		if (this.nextOccurredAt == null) {
			this.nextOccurredAt = this.clock.plus(STEP);
		}
		return this.nextOccurredAt;
	}

	/**
	 * What a declaration says besides its incident id. Its impact started at
	 * {@code impactStartedAt}, or when that is null {@code impactBefore} the declaration
	 * (six minutes by default).
	 */
	public record Declaration(String title, Severity severity, List<String> services, Instant impactStartedAt,
			Duration impactBefore, String commander, OpeningAlert openingAlert) {

		static final Declaration DEFAULT = new Declaration("Search is slow", Severity.SEV_3, List.of("search"), null,
				DEFAULT_IMPACT_LEAD, "erin", null);

		public Declaration title(String title) {
			return new Declaration(title, this.severity, this.services, this.impactStartedAt, this.impactBefore,
					this.commander, this.openingAlert);
		}

		public Declaration severity(Severity severity) {
			return new Declaration(this.title, severity, this.services, this.impactStartedAt, this.impactBefore,
					this.commander, this.openingAlert);
		}

		public Declaration services(String... services) {
			return new Declaration(this.title, this.severity, List.of(services), this.impactStartedAt,
					this.impactBefore, this.commander, this.openingAlert);
		}

		public Declaration impactStartedAt(Instant impactStartedAt) {
			return new Declaration(this.title, this.severity, this.services, impactStartedAt, this.impactBefore,
					this.commander, this.openingAlert);
		}

		public Declaration impactStartedAt(String impactStartedAt) {
			return impactStartedAt(Instant.parse(impactStartedAt));
		}

		public Declaration impactBefore(Duration lead) {
			return new Declaration(this.title, this.severity, this.services, null, lead, this.commander,
					this.openingAlert);
		}

		public Declaration commander(String commander) {
			return new Declaration(this.title, this.severity, this.services, this.impactStartedAt, this.impactBefore,
					commander, this.openingAlert);
		}

		public Declaration openingAlert(String integration, String alertKey) {
			return new Declaration(this.title, this.severity, this.services, this.impactStartedAt, this.impactBefore,
					this.commander, new OpeningAlert(integration, alertKey));
		}

	}

}
