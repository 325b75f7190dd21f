package io.incidenttimeline.command.incident;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.incidenttimeline.command.incident.InvalidCommandException.Violation;
import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemCompleted;
import io.incidenttimeline.events.ActionItemDropped;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemUpdated;
import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.OpeningAlert;
import io.incidenttimeline.events.PostmortemPublished;
import io.incidenttimeline.events.PostmortemReviewed;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.TextRules;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One incident, event-sourced. Each command handler checks the rules against the state
 * below, then applies one event carrying who ({@code actor}, and {@code actorName} when
 * known), through what ({@code source}), when it happened ({@code occurredAt}) and when
 * the server recorded it ({@code recordedAt}) as metadata. The clock and the
 * {@link IncidentLimits} are handler parameters so that fixture tests can fix them.
 * <p>
 * The incident is the gate every path goes through (HTTP commands and alerts): whatever
 * it stores, every projection can apply. Every text field of every event it applies keeps
 * {@link TextRules}, every timestamp a client gives lies within the window of
 * {@link IncidentLimits}, and the moments keep their logical order: nothing before the
 * impact started, an acknowledgement, a move to identified or monitoring and a mitigation
 * not before the incident was detected, a resolution not before it was declared, a
 * reopening not before the resolution it reopens. Those moments are the latest statements
 * of them ({@link KeyMoments}): a {@link KeyMomentCorrected} restates one.
 */
@Aggregate(cache = IncidentCache.BEAN)
class Incident {

	/** The latest due date an action item may have. */
	static final LocalDate LATEST_DUE_DATE = LocalDate.of(9999, 12, 31);

	/**
	 * How far a client's clock may run ahead of ours before its {@code occurredAt} counts
	 * as a time in the future.
	 */
	static final Duration CLOCK_SKEW = IncidentLimits.CLOCK_SKEW;

	@AggregateIdentifier
	private IncidentId incidentId;

	private Severity severity;

	private IncidentStatus status;

	/**
	 * When the impact started, the incident was detected, declared, acknowledged,
	 * mitigated and resolved, as stated and as corrected since.
	 */
	private final KeyMoments moments = new KeyMoments();

	/**
	 * The postmortem's lifecycle and its action items.
	 */
	private final Postmortem postmortem = new Postmortem();

	private CommandResult firstAcknowledgement;

	/**
	 * The alerts firing on this incident and those acknowledged at their sender, keyed by
	 * integration and alert key.
	 */
	private final Set<String> firingAlerts = new HashSet<>();

	private final Set<String> acknowledgedAlerts = new HashSet<>();

	/**
	 * The alert that declared this incident, as its declaration records it; null when a
	 * person declared it. A declaration stored before v2 records none, even when an alert
	 * made it: such an incident is never resolved by its alert clearing (the alert was
	 * never recorded as its opener, and guessing it from what followed would be a guess).
	 */
	private String openingAlert;

	/**
	 * Whether anything but alerts has happened since the declaration: a responder's
	 * action means a person owns the incident, and an alert clearing must not close it.
	 */
	private boolean humanActed;

	Incident() {
	}

	/**
	 * A stated detection ({@code detectedAt}) lies between the impact start and the
	 * declaration; without a stated impact start, the impact started when the problem was
	 * detected, or else when the incident was declared.
	 */
	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.ALWAYS)
	CommandResult handle(DeclareIncident command, Clock clock, IncidentLimits limits) {
		Instant recordedAt = now(clock);
		Instant occurredAt = occurredAt(command.occurredAt(), recordedAt, limits);
		Instant detectedAt = (command.detectedAt() != null) ? command.detectedAt().truncatedTo(ChronoUnit.MICROS)
				: null;
		if (detectedAt != null) {
			requireWithinWindow(detectedAt, recordedAt, "detectedAt", limits);
			if (detectedAt.isAfter(occurredAt)) {
				throw new InvalidCommandException("detectedAt",
						"detectedAt must not be after the declaration (" + Timestamps.format(occurredAt) + ")");
			}
		}
		Instant impactStartedAt = (command.impactStartedAt() != null)
				? command.impactStartedAt().truncatedTo(ChronoUnit.MICROS)
				: (detectedAt != null) ? detectedAt : occurredAt;
		if (impactStartedAt.isAfter(recordedAt.plus(CLOCK_SKEW))) {
			throw new InvalidCommandException("impactStartedAt", "impactStartedAt must not be in the future");
		}
		requireNotTooEarly(impactStartedAt, "impactStartedAt", limits);
		if (occurredAt.isBefore(impactStartedAt)) {
			throw new InvalidCommandException("occurredAt", "occurredAt must not be before impactStartedAt");
		}
		if (detectedAt != null && detectedAt.isBefore(impactStartedAt)) {
			throw new InvalidCommandException("detectedAt",
					"detectedAt must not be before impactStartedAt (" + Timestamps.format(impactStartedAt) + ")");
		}
		requireServices(command.services(), limits);
		return record(event(() -> new IncidentDeclared(command.incidentId(), command.title(), command.severity(),
				command.services(), impactStartedAt, command.commander(), null, detectedAt, command.detectionMethod())),
				new Origin(command.actor(), command.actorName(), command.source()), occurredAt, recordedAt);
	}

	/**
	 * A downgrade (to a less severe level) is a commander's decision: the sender says
	 * whether it may make one, the incident knows whether this is one.
	 */
	@CommandHandler
	CommandResult handle(ChangeSeverity command, Clock clock, IncidentLimits limits) {
		requireOpen("change the severity of");
		if (command.severity() == this.severity) {
			throw new IncidentConflictException("the incident is already " + this.severity.label());
		}
		if (this.severity.isMoreSevereThan(command.severity()) && !command.mayDowngrade()) {
			throw new NotAllowedException("only a commander may lower the severity, here from " + this.severity.label()
					+ " to " + command.severity().label());
		}
		return record(() -> new SeverityChanged(this.incidentId, this.severity, command.severity(), command.reason()),
				new Origin(command.actor(), command.actorName(), command.source()),
				moment(command.occurredAt(), clock, limits));
	}

	/**
	 * Only the first acknowledgement is recorded: a later one changes nothing and answers
	 * with the first one's sequence number and recording time, so clients may retry
	 * freely. Nobody acknowledges an incident before it was detected.
	 */
	@CommandHandler
	CommandResult handle(AcknowledgeIncident command, Clock clock, IncidentLimits limits) {
		requireOpen("acknowledge");
		if (this.firstAcknowledgement != null) {
			return this.firstAcknowledgement;
		}
		Moment moment = moment(command.occurredAt(), clock, limits);
		moment.requireNotBefore(this.moments.detected(), "the incident was detected");
		return record(() -> new IncidentAcknowledged(this.incidentId),
				new Origin(command.actor(), command.actorName(), command.source()), moment);
	}

	/**
	 * The cause is identified, and a fix is monitored, only once the incident was
	 * detected.
	 */
	@CommandHandler
	CommandResult handle(ChangeStatus command, Clock clock, IncidentLimits limits) {
		requireOpen("change the status of");
		IncidentStatus target = command.status();
		if (target == IncidentStatus.RESOLVED) {
			throw new InvalidCommandException("status", "an incident is resolved through its resolution, not a status");
		}
		if (target == this.status) {
			throw new IncidentConflictException("the incident is already " + statusName(target));
		}
		boolean forward = target.ordinal() > this.status.ordinal();
		if (!forward && this.status != IncidentStatus.MONITORING) {
			throw new IncidentConflictException("an incident may only go back from monitoring, not from "
					+ statusName(this.status) + " to " + statusName(target));
		}
		Moment moment = moment(command.occurredAt(), clock, limits);
		if (target == IncidentStatus.IDENTIFIED || target == IncidentStatus.MONITORING) {
			moment.requireNotBefore(this.moments.detected(), "the incident was detected");
		}
		return record(() -> new StatusChanged(this.incidentId, this.status, target),
				new Origin(command.actor(), command.actorName(), command.source()), moment);
	}

	@CommandHandler
	CommandResult handle(ApplyMitigation command, Clock clock, IncidentLimits limits) {
		requireOpen("mitigate");
		Moment moment = moment(command.occurredAt(), clock, limits);
		moment.requireNotBefore(this.moments.detected(), "the incident was detected");
		return record(() -> new MitigationApplied(this.incidentId, command.kind(), command.description()),
				new Origin(command.actor(), command.actorName(), command.source()), moment);
	}

	@CommandHandler
	CommandResult handle(AssignRole command, Clock clock, IncidentLimits limits) {
		requireOpen("assign a role in");
		return record(() -> new RoleAssigned(this.incidentId, command.role(), command.assignee()),
				new Origin(command.actor(), command.actorName(), command.source()),
				moment(command.occurredAt(), clock, limits));
	}

	@CommandHandler
	CommandResult handle(PostStatusUpdate command, Clock clock, IncidentLimits limits) {
		requireOpen("post an update to");
		return record(() -> new StatusUpdatePosted(this.incidentId, command.visibility(), command.body()),
				new Origin(command.actor(), command.actorName(), command.source()),
				moment(command.occurredAt(), clock, limits));
	}

	@CommandHandler
	CommandResult handle(AddTimelineNote command, Clock clock, IncidentLimits limits) {
		requireOpen("add a note to");
		return record(() -> new TimelineNoteAdded(this.incidentId, command.note()),
				new Origin(command.actor(), command.actorName(), command.source()),
				moment(command.occurredAt(), clock, limits));
	}

	@CommandHandler
	CommandResult handle(ResolveIncident command, Clock clock, IncidentLimits limits) {
		requireOpen("resolve");
		Moment moment = moment(command.occurredAt(), clock, limits);
		moment.requireNotBefore(this.moments.declared(), "the incident was declared");
		return record(() -> new IncidentResolved(this.incidentId, command.summary()),
				new Origin(command.actor(), command.actorName(), command.source()), moment);
	}

	@CommandHandler
	CommandResult handle(ReopenIncident command, Clock clock, IncidentLimits limits) {
		if (this.status != IncidentStatus.RESOLVED) {
			throw new IncidentConflictException(
					"only a resolved incident can be reopened; this one is " + statusName(this.status));
		}
		Moment moment = moment(command.occurredAt(), clock, limits);
		moment.requireNotBefore(this.moments.current(KeyMoment.RESOLVED), "the resolution it reopens");
		return record(() -> new IncidentReopened(this.incidentId, command.reason()),
				new Origin(command.actor(), command.actorName(), command.source()), moment);
	}

	/**
	 * A key moment is corrected, open or resolved: the moment must have happened, change,
	 * lie within the timestamp window and keep the moments' logical order
	 * ({@link KeyMoments#requireCorrection}).
	 */
	@CommandHandler
	CommandResult handle(CorrectKeyMoment command, Clock clock, IncidentLimits limits) {
		if (command.moment() == null) {
			throw new InvalidCommandException("moment", "moment is missing");
		}
		if (command.correctedTo() == null) {
			throw new InvalidCommandException("correctedTo", "correctedTo is missing");
		}
		Instant recordedAt = now(clock);
		Instant correctedTo = command.correctedTo().truncatedTo(ChronoUnit.MICROS);
		requireWithinWindow(correctedTo, recordedAt, "correctedTo", limits);
		this.moments.requireCorrection(command.moment(), correctedTo);
		return record(
				event(() -> new KeyMomentCorrected(this.incidentId, command.moment(), correctedTo, command.reason())),
				new Origin(command.actor(), command.actorName(), command.source()), recordedAt, recordedAt);
	}

	/**
	 * The postmortem starts once the incident is resolved (also after a reopening, once
	 * it is resolved again). Starting it again records nothing and answers with the first
	 * start, whatever happened since.
	 */
	@CommandHandler
	CommandResult handle(StartPostmortem command, Clock clock) {
		if (this.postmortem.start() != null) {
			return this.postmortem.start();
		}
		if (this.status != IncidentStatus.RESOLVED) {
			throw new IncidentConflictException(
					"a postmortem starts once the incident is resolved; this one is " + statusName(this.status));
		}
		return recordNow(() -> new PostmortemStarted(this.incidentId),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	@CommandHandler
	CommandResult handle(WritePostmortemSection command, Clock clock) {
		this.postmortem.requireStarted();
		return recordNow(() -> new PostmortemSectionWritten(this.incidentId, command.section(), command.text()),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	/**
	 * An action item is due on the day the incident was declared (UTC) at the earliest;
	 * its link, when given, is an absolute http or https URL.
	 */
	@CommandHandler
	ActionItemResult handle(AddActionItem command, Clock clock) {
		this.postmortem.requireStarted();
		if (this.postmortem.hasActionItem(command.actionItemId())) {
			throw new IncidentConflictException("action item " + command.actionItemId() + " already exists");
		}
		requireDueDate(command.dueDate());
		requireLink(command.link());
		ActionItemPriority priority = (command.priority() != null) ? command.priority() : ActionItemPriority.P2;
		CommandResult result = recordNow(
				() -> new ActionItemAdded(this.incidentId, command.actionItemId(), command.title(), command.owner(),
						command.dueDate(), command.type(), priority, command.link()),
				origin(command.actor(), command.actorName(), command.source()), clock);
		return new ActionItemResult(result.incidentId(), command.actionItemId(), result.sequence(),
				result.recordedAt());
	}

	/**
	 * Only an open action item changes, and an update changes something: a field given is
	 * a new value (never blank), a field left out stays.
	 */
	@CommandHandler
	CommandResult handle(UpdateActionItem command, Clock clock) {
		Postmortem.ActionItem item = this.postmortem.actionItem(command.actionItemId());
		if (item.state() != Postmortem.ActionItemState.OPEN) {
			throw new IncidentConflictException("action item " + command.actionItemId() + " is " + item.state().label()
					+ "; it can no longer be updated");
		}
		if (command.title() == null && command.owner() == null && command.dueDate() == null && command.type() == null
				&& command.priority() == null && command.link() == null) {
			throw new InvalidCommandException("$",
					"an update must change at least one of title, owner, dueDate, type, priority, link");
		}
		requireNotBlank(command.title(), "title");
		requireNotBlank(command.owner(), "owner");
		requireDueDate(command.dueDate());
		requireLink(command.link());
		return recordNow(
				() -> new ActionItemUpdated(this.incidentId, command.actionItemId(), command.title(), command.owner(),
						command.dueDate(), command.type(), command.priority(), command.link()),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	/**
	 * Completing a completed item records nothing and answers with its completion; a
	 * dropped item is not completed.
	 */
	@CommandHandler
	CommandResult handle(CompleteActionItem command, Clock clock) {
		Postmortem.ActionItem item = this.postmortem.actionItem(command.actionItemId());
		if (item.state() == Postmortem.ActionItemState.COMPLETED) {
			return item.closing();
		}
		if (item.state() == Postmortem.ActionItemState.DROPPED) {
			throw new IncidentConflictException(
					"action item " + command.actionItemId() + " was dropped; it cannot be completed");
		}
		return recordNow(() -> new ActionItemCompleted(this.incidentId, command.actionItemId(), command.note()),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	/**
	 * Dropping a dropped item records nothing and answers with its drop; a completed item
	 * is not dropped.
	 */
	@CommandHandler
	CommandResult handle(DropActionItem command, Clock clock) {
		Postmortem.ActionItem item = this.postmortem.actionItem(command.actionItemId());
		if (item.state() == Postmortem.ActionItemState.DROPPED) {
			return item.closing();
		}
		if (item.state() == Postmortem.ActionItemState.COMPLETED) {
			throw new IncidentConflictException(
					"action item " + command.actionItemId() + " is completed; it cannot be dropped");
		}
		return recordNow(() -> new ActionItemDropped(this.incidentId, command.actionItemId(), command.reason()),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	/**
	 * A review needs the summary, the impact and the root cause written. (Every action
	 * item has an owner and a due date: none can be added or updated without them.)
	 */
	@CommandHandler
	CommandResult handle(ReviewPostmortem command, Clock clock) {
		this.postmortem.requireStarted();
		List<String> missing = this.postmortem.missingForReview();
		if (!missing.isEmpty()) {
			throw new IncidentConflictException("the postmortem cannot be reviewed yet: the section"
					+ ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing) + " must be written first");
		}
		return recordNow(() -> new PostmortemReviewed(this.incidentId, command.notes()),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	/**
	 * Only a reviewed postmortem is published; publishing it again records nothing and
	 * answers with the first publication.
	 */
	@CommandHandler
	CommandResult handle(PublishPostmortem command, Clock clock) {
		if (this.postmortem.publication() != null) {
			return this.postmortem.publication();
		}
		this.postmortem.requireStarted();
		if (!this.postmortem.isReviewed()) {
			throw new IncidentConflictException("the postmortem must be reviewed before it is published");
		}
		return recordNow(() -> new PostmortemPublished(this.incidentId),
				origin(command.actor(), command.actorName(), command.source()), clock);
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.ALWAYS)
	CommandResult handle(DeclareIncidentForAlert command, Clock clock, IncidentLimits limits) {
		Instant recordedAt = now(clock);
		FiringAlert alert = command.alert();
		// A sender's clock ahead of ours must not lose the alert: impact starts no later
		// than we heard of it.
		Instant impactStartedAt = (command.impactStartedAt() == null || command.impactStartedAt().isAfter(recordedAt))
				? recordedAt : command.impactStartedAt().truncatedTo(ChronoUnit.MICROS);
		requireNotTooEarly(impactStartedAt, "impactStartedAt", limits);
		requireNotTooEarly(alert.firedAt(), "alert.firedAt", limits);
		requireServices(command.services(), limits);
		IncidentDeclared declared = event(
				() -> new IncidentDeclared(command.incidentId(), command.title(), command.severity(),
						command.services(), impactStartedAt, null,
						new OpeningAlert(alert.integration(), alert.alertKey()), recordedAt, DetectionMethod.ALERT),
				(field) -> field.startsWith("openingAlert.") ? "alert." + field.substring("openingAlert.".length())
						: field);
		AlertTriggered triggered = event(() -> triggered(command.incidentId(), alert), Incident::alertField);
		record(declared, Origin.integration(alert.integration()), recordedAt, recordedAt);
		return record(triggered, Origin.integration(alert.integration()), recordedAt, recordedAt);
	}

	/**
	 * A firing alert joins an open incident; one firing for a resolved incident is routed
	 * elsewhere by the caller.
	 */
	@CommandHandler
	CommandResult handle(TriggerAlert command, Clock clock, IncidentLimits limits) {
		requireOpen("attach an alert to");
		FiringAlert alert = command.alert();
		if (this.firingAlerts.contains(alertId(alert.integration(), alert.alertKey()))) {
			throw new IncidentConflictException("alert " + alert.alertKey() + " is already firing on this incident");
		}
		requireNotTooEarly(alert.firedAt(), "alert.firedAt", limits);
		Instant recordedAt = now(clock);
		return record(event(() -> triggered(this.incidentId, alert), Incident::alertField),
				Origin.integration(alert.integration()), recordedAt, recordedAt);
	}

	/**
	 * Alerts are facts about the sender: they are recorded on a resolved incident too.
	 */
	@CommandHandler
	CommandResult handle(AcknowledgeAlert command, Clock clock) {
		String alert = alertId(command.integration(), command.alertKey());
		if (!this.firingAlerts.contains(alert)) {
			throw new IncidentConflictException("alert " + command.alertKey() + " is not firing on this incident");
		}
		if (this.acknowledgedAlerts.contains(alert)) {
			throw new IncidentConflictException("alert " + command.alertKey() + " is already acknowledged");
		}
		Instant recordedAt = now(clock);
		return record(event(() -> new AlertAcknowledged(this.incidentId, command.integration(), command.alertKey())),
				Origin.integration(command.integration()), recordedAt, recordedAt);
	}

	@CommandHandler
	CommandResult handle(ResolveAlert command, Clock clock, IncidentLimits limits) {
		String alert = alertId(command.integration(), command.alertKey());
		if (!this.firingAlerts.contains(alert)) {
			throw new IncidentConflictException("alert " + command.alertKey() + " is not firing on this incident");
		}
		requireNotTooEarly(command.resolvedAt(), "resolvedAt", limits);
		Instant recordedAt = now(clock);
		CommandResult result = record(event(() -> new AlertResolved(this.incidentId, command.integration(),
				command.alertKey(), command.resolvedAt())), Origin.integration(command.integration()), recordedAt,
				recordedAt);
		if (command.resolveIncidentOpenedByAlert() && alert.equals(this.openingAlert) && !this.humanActed
				&& this.status.isOpen()) {
			return record(
					event(() -> new IncidentResolved(this.incidentId,
							"resolved by " + command.integration() + ": the alert that opened it resolved")),
					Origin.integration(command.integration()), recordedAt, recordedAt);
		}
		return result;
	}

	@EventSourcingHandler
	void on(IncidentDeclared event, @MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.incidentId = event.incidentId();
		this.openingAlert = (event.openingAlert() != null)
				? alertId(event.openingAlert().integration(), event.openingAlert().alertKey()) : null;
		this.severity = event.severity();
		this.status = IncidentStatus.INVESTIGATING;
		this.moments.declared(event.impactStartedAt(), occurredAt(occurredAt).orElse(event.impactStartedAt()),
				event.detectedAt());
	}

	@EventSourcingHandler
	void on(SeverityChanged event) {
		this.severity = event.to();
		this.humanActed = true;
	}

	@EventSourcingHandler
	void on(IncidentAcknowledged event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt,
			@MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.humanActed = true;
		this.firstAcknowledgement = new CommandResult(event.incidentId(), sequenceNumber + 1,
				EventMetadata.instant(recordedAt, EventMetadata.RECORDED_AT));
		occurredAt(occurredAt).ifPresent(this.moments::acknowledged);
	}

	@EventSourcingHandler
	void on(StatusChanged event, @MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.status = event.to();
		this.humanActed = true;
		if (event.to() == IncidentStatus.MONITORING) {
			occurredAt(occurredAt).ifPresent(this.moments::monitoring);
		}
	}

	@EventSourcingHandler
	void on(IncidentResolved event, @MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.status = IncidentStatus.RESOLVED;
		this.moments.resolved(occurredAt(occurredAt).orElse(null));
	}

	@EventSourcingHandler
	void on(IncidentReopened event) {
		this.status = IncidentStatus.INVESTIGATING;
		this.humanActed = true;
		this.moments.reopened();
	}

	@EventSourcingHandler
	void on(KeyMomentCorrected event) {
		this.humanActed = true;
		this.moments.corrected(event.moment(), event.correctedTo());
	}

	@EventSourcingHandler
	void on(PostmortemStarted event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt) {
		this.humanActed = true;
		this.postmortem.started(result(sequenceNumber, recordedAt));
	}

	@EventSourcingHandler
	void on(PostmortemSectionWritten event) {
		this.humanActed = true;
		this.postmortem.written(event.section());
	}

	@EventSourcingHandler
	void on(ActionItemAdded event) {
		this.humanActed = true;
		this.postmortem.added(event.actionItemId());
	}

	@EventSourcingHandler
	void on(ActionItemCompleted event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt) {
		this.humanActed = true;
		this.postmortem.closed(event.actionItemId(), Postmortem.ActionItemState.COMPLETED,
				result(sequenceNumber, recordedAt));
	}

	@EventSourcingHandler
	void on(ActionItemDropped event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt) {
		this.humanActed = true;
		this.postmortem.closed(event.actionItemId(), Postmortem.ActionItemState.DROPPED,
				result(sequenceNumber, recordedAt));
	}

	@EventSourcingHandler
	void on(PostmortemReviewed event) {
		this.humanActed = true;
		this.postmortem.reviewed();
	}

	@EventSourcingHandler
	void on(PostmortemPublished event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt) {
		this.humanActed = true;
		this.postmortem.published(result(sequenceNumber, recordedAt));
	}

	@EventSourcingHandler
	void on(AlertTriggered event, @MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.firingAlerts.add(alertId(event.integration(), event.alertKey()));
		occurredAt(occurredAt).ifPresent(this.moments::alertReceived);
	}

	/**
	 * An acknowledgement at the alert's sender acknowledges the incident too, as far as
	 * its moments go.
	 */
	@EventSourcingHandler
	void on(AlertAcknowledged event, @MetaDataValue(EventMetadata.OCCURRED_AT) Object occurredAt) {
		this.acknowledgedAlerts.add(alertId(event.integration(), event.alertKey()));
		occurredAt(occurredAt).ifPresent(this.moments::acknowledged);
	}

	@EventSourcingHandler
	void on(AlertResolved event) {
		String alert = alertId(event.integration(), event.alertKey());
		this.firingAlerts.remove(alert);
		this.acknowledgedAlerts.remove(alert);
	}

	/**
	 * Every event without a handler of its own (mitigations, roles, updates, notes) comes
	 * from a person through the API.
	 */
	@EventSourcingHandler
	void on(IncidentEvent event) {
		this.humanActed = true;
	}

	private void requireOpen(String action) {
		if (!this.status.isOpen()) {
			throw new IncidentConflictException("cannot " + action + " a resolved incident; reopen it first");
		}
	}

	/**
	 * When a command on the existing incident happened and was recorded: within the
	 * window of the limits and not before the impact started.
	 */
	private Moment moment(Instant requestedOccurredAt, Clock clock, IncidentLimits limits) {
		Instant recordedAt = now(clock);
		Moment moment = new Moment(occurredAt(requestedOccurredAt, recordedAt, limits), recordedAt);
		moment.requireNotBefore(this.moments.impactStarted(), "the impact started");
		return moment;
	}

	/**
	 * Records an event that happens as it is recorded: postmortem work and corrections
	 * are never backdated.
	 */
	private CommandResult recordNow(Supplier<IncidentEvent> event, Origin origin, Clock clock) {
		Instant now = now(clock);
		return record(event(event), origin, now, now);
	}

	private static Origin origin(String actor, String actorName, String source) {
		return new Origin(actor, actorName, source);
	}

	/**
	 * What the command that recorded an event answered: its 1-based sequence number and
	 * when it was recorded (null for an event stored without that metadata).
	 */
	private CommandResult result(long sequenceNumber, Object recordedAt) {
		return new CommandResult(this.incidentId, sequenceNumber + 1,
				(recordedAt != null) ? EventMetadata.instant(recordedAt, EventMetadata.RECORDED_AT) : null);
	}

	/**
	 * Nothing is due before the incident happened: not before the day it was declared, in
	 * UTC; and nothing after {@link #LATEST_DUE_DATE}, a four-digit year every reader can
	 * hold (Java's dates reach year 999,999,999, PostgreSQL's {@code date} 5,874,897).
	 */
	private void requireDueDate(LocalDate dueDate) {
		LocalDate declared = LocalDate.ofInstant(this.moments.declared(), ZoneOffset.UTC);
		if (dueDate != null && dueDate.isBefore(declared)) {
			throw new InvalidCommandException("dueDate",
					"dueDate must not be before the day the incident was declared (" + declared + ")");
		}
		if (dueDate != null && dueDate.isAfter(LATEST_DUE_DATE)) {
			throw new InvalidCommandException("dueDate", "dueDate must not be after " + LATEST_DUE_DATE);
		}
	}

	/**
	 * A tracker link: an absolute http or https URL.
	 */
	private static void requireLink(String link) {
		if (link == null) {
			return;
		}
		URI uri;
		try {
			uri = new URI(link.strip());
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getScheme() == null || uri.getHost() == null
				|| !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
			throw new InvalidCommandException("link", "link must be an absolute http or https URL");
		}
	}

	/**
	 * A field an update gives is a new value: never blank (left out means unchanged).
	 */
	private static void requireNotBlank(String value, String field) {
		if (value != null && value.isBlank()) {
			throw new InvalidCommandException(field, field + " must not be blank");
		}
	}

	private CommandResult record(Supplier<IncidentEvent> event, Origin origin, Moment moment) {
		return record(event(event), origin, moment.occurredAt(), moment.recordedAt());
	}

	private CommandResult record(IncidentEvent event, Origin origin, Instant occurredAt, Instant recordedAt) {
		requireOrigin(origin.actor(), "actor");
		if (origin.actorName() != null) {
			requireOrigin(origin.actorName(), "actorName");
		}
		requireOrigin(origin.source(), "source");
		MetaData metaData = MetaData.with(EventMetadata.ACTOR, origin.actor())
			.and(EventMetadata.SOURCE, origin.source())
			.and(EventMetadata.OCCURRED_AT, Timestamps.format(occurredAt))
			.and(EventMetadata.RECORDED_AT, Timestamps.format(recordedAt));
		AggregateLifecycle.apply(event,
				(origin.actorName() != null) ? metaData.and(EventMetadata.ACTOR_NAME, origin.actorName()) : metaData);
		return new CommandResult(event.incidentId(), AggregateLifecycle.getVersion() + 1, recordedAt);
	}

	private static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant occurredAt(Instant requested, Instant recordedAt, IncidentLimits limits) {
		if (requested == null) {
			return recordedAt;
		}
		if (requested.isAfter(recordedAt.plus(CLOCK_SKEW))) {
			throw new InvalidCommandException("occurredAt", "occurredAt must not be in the future");
		}
		requireNotTooEarly(requested, "occurredAt", limits);
		return requested.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A timestamp a client states about the past: not before the earliest timestamp, not
	 * in the future beyond the clock skew.
	 */
	private static void requireWithinWindow(Instant timestamp, Instant now, String field, IncidentLimits limits) {
		limits.timestampProblem(timestamp, now).ifPresent((problem) -> {
			throw new InvalidCommandException(field, field + " " + problem);
		});
	}

	private static void requireNotTooEarly(Instant timestamp, String field, IncidentLimits limits) {
		if (timestamp != null) {
			limits.earlinessProblem(timestamp).ifPresent((problem) -> {
				throw new InvalidCommandException(field, field + " " + problem);
			});
		}
	}

	/**
	 * Services become status page components and filters: each named once, and a bounded
	 * number of them.
	 */
	private static void requireServices(List<String> services, IncidentLimits limits) {
		if (services.size() > limits.maxServices()) {
			throw new InvalidCommandException("services",
					"services must name at most " + limits.maxServices() + " services, not " + services.size());
		}
		Map<String, Integer> first = new HashMap<>();
		List<Violation> duplicates = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			Integer earlier = first.putIfAbsent(services.get(i), i);
			if (earlier != null) {
				duplicates.add(new Violation("services[" + i + "]",
						"services[" + i + "] must be unique: services[" + earlier + "] names the same service"));
			}
		}
		if (!duplicates.isEmpty()) {
			throw new InvalidCommandException(duplicates);
		}
	}

	/**
	 * Who acted and through what travel with every event and are shown on every timeline:
	 * one clean line each.
	 */
	private static void requireOrigin(String value, String field) {
		Optional<String> problem = TextRules.lineProblem(value);
		if (problem.isEmpty() && value.length() > FieldLimits.ACTOR) {
			problem = Optional.of("must be at most " + FieldLimits.ACTOR + " characters");
		}
		problem.ifPresent((message) -> {
			throw new InvalidCommandException(field, field + " " + message);
		});
	}

	private static <E extends IncidentEvent> E event(Supplier<E> constructor) {
		return event(constructor, UnaryOperator.identity());
	}

	/**
	 * The event records check their own fields; their messages start with the field's
	 * name ({@code "title must not be blank"}), which becomes the field of the 400. Then
	 * every text field must keep the {@link TextRules}. Event fields are named in the
	 * command's terms through {@code requestField} where the two differ.
	 */
	private static <E extends IncidentEvent> E event(Supplier<E> constructor, UnaryOperator<String> requestField) {
		E event;
		try {
			event = constructor.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			String message = String.valueOf(ex.getMessage());
			String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')).replace("[]", "") : null;
			if (field == null) {
				throw new InvalidCommandException(null, message);
			}
			String named = requestField.apply(field);
			throw new InvalidCommandException(named,
					named.equals(field) ? message : named + message.substring(message.indexOf(' ')));
		}
		List<Violation> violations = TextRules.violations(event).stream().map((violation) -> {
			String field = requestField.apply(violation.field());
			return new Violation(field, field + " " + violation.message());
		}).toList();
		if (!violations.isEmpty()) {
			throw new InvalidCommandException(violations);
		}
		return event;
	}

	/**
	 * An alert's event fields are the command's {@code alert} fields.
	 */
	private static String alertField(String field) {
		return "alert." + field;
	}

	private static Optional<Instant> occurredAt(Object metaData) {
		return (metaData != null) ? Optional.of(EventMetadata.instant(metaData, EventMetadata.OCCURRED_AT))
				: Optional.empty();
	}

	private static AlertTriggered triggered(IncidentId incidentId, FiringAlert alert) {
		return new AlertTriggered(incidentId, alert.integration(), alert.alertKey(), alert.summary(),
				alert.alertSeverity(), alert.labels(), alert.firedAt(), alert.link());
	}

	private static String alertId(String integration, String alertKey) {
		return integration + "/" + alertKey;
	}

	private static String statusName(IncidentStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Who acted (a stable id), their display name (null when unknown) and through what.
	 * An integration acts as itself and through itself, without a display name.
	 */
	private record Origin(String actor, String actorName, String source) {

		static Origin integration(String integration) {
			return new Origin(integration, null, integration);
		}

	}

	/**
	 * When a command happened ({@code occurredAt}, given or now) and when it was
	 * recorded.
	 */
	private record Moment(Instant occurredAt, Instant recordedAt) {

		/**
		 * Moments keep their logical order: this one not before {@code bound}, the moment
		 * of {@code what}, when that is known.
		 */
		void requireNotBefore(Instant bound, String what) {
			if (bound != null && this.occurredAt.isBefore(bound)) {
				throw new InvalidCommandException("occurredAt",
						"occurredAt must not be before " + what + " (" + Timestamps.format(bound) + ")");
			}
		}

	}

}
