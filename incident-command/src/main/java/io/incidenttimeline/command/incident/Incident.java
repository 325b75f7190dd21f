package io.incidenttimeline.command.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.incidenttimeline.events.AlertAcknowledged;
import io.incidenttimeline.events.AlertResolved;
import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.OpeningAlert;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
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
 * below, then applies one event carrying who ({@code actor}), through what
 * ({@code source}), when it happened ({@code occurredAt}) and when the server recorded it
 * ({@code recordedAt}) as metadata. The clock is a handler parameter so that fixture
 * tests can fix it.
 */
@Aggregate(cache = IncidentCache.BEAN)
class Incident {

	/**
	 * How far a client's clock may run ahead of ours before its {@code occurredAt} counts
	 * as a time in the future.
	 */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	@AggregateIdentifier
	private IncidentId incidentId;

	private Severity severity;

	private IncidentStatus status;

	private Instant impactStartedAt;

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

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.ALWAYS)
	CommandResult handle(DeclareIncident command, Clock clock) {
		Instant recordedAt = now(clock);
		Instant occurredAt = occurredAt(command.occurredAt(), recordedAt);
		Instant impactStartedAt = (command.impactStartedAt() != null)
				? command.impactStartedAt().truncatedTo(ChronoUnit.MICROS) : occurredAt;
		if (impactStartedAt.isAfter(recordedAt.plus(CLOCK_SKEW))) {
			throw new InvalidCommandException("impactStartedAt", "impactStartedAt must not be in the future");
		}
		if (occurredAt.isBefore(impactStartedAt)) {
			throw new InvalidCommandException("occurredAt", "occurredAt must not be before impactStartedAt");
		}
		return record(
				event(() -> new IncidentDeclared(command.incidentId(), command.title(), command.severity(),
						command.services(), impactStartedAt, command.commander())),
				command.actor(), command.source(), occurredAt, recordedAt);
	}

	@CommandHandler
	CommandResult handle(ChangeSeverity command, Clock clock) {
		requireOpen("change the severity of");
		if (command.severity() == this.severity) {
			throw new IncidentConflictException("the incident is already " + this.severity.label());
		}
		return record(() -> new SeverityChanged(this.incidentId, this.severity, command.severity(), command.reason()),
				command.actor(), command.source(), command.occurredAt(), clock);
	}

	/**
	 * Only the first acknowledgement is recorded: a later one changes nothing and answers
	 * with the first one's sequence number and recording time, so clients may retry
	 * freely.
	 */
	@CommandHandler
	CommandResult handle(AcknowledgeIncident command, Clock clock) {
		requireOpen("acknowledge");
		if (this.firstAcknowledgement != null) {
			return this.firstAcknowledgement;
		}
		return record(() -> new IncidentAcknowledged(this.incidentId), command.actor(), command.source(),
				command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(ChangeStatus command, Clock clock) {
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
		return record(() -> new StatusChanged(this.incidentId, this.status, target), command.actor(), command.source(),
				command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(ApplyMitigation command, Clock clock) {
		requireOpen("mitigate");
		return record(() -> new MitigationApplied(this.incidentId, command.kind(), command.description()),
				command.actor(), command.source(), command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(AssignRole command, Clock clock) {
		requireOpen("assign a role in");
		return record(() -> new RoleAssigned(this.incidentId, command.role(), command.assignee()), command.actor(),
				command.source(), command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(PostStatusUpdate command, Clock clock) {
		requireOpen("post an update to");
		return record(() -> new StatusUpdatePosted(this.incidentId, command.visibility(), command.body()),
				command.actor(), command.source(), command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(AddTimelineNote command, Clock clock) {
		requireOpen("add a note to");
		return record(() -> new TimelineNoteAdded(this.incidentId, command.note()), command.actor(), command.source(),
				command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(ResolveIncident command, Clock clock) {
		requireOpen("resolve");
		return record(() -> new IncidentResolved(this.incidentId, command.summary()), command.actor(), command.source(),
				command.occurredAt(), clock);
	}

	@CommandHandler
	CommandResult handle(ReopenIncident command, Clock clock) {
		if (this.status != IncidentStatus.RESOLVED) {
			throw new IncidentConflictException(
					"only a resolved incident can be reopened; this one is " + statusName(this.status));
		}
		return record(() -> new IncidentReopened(this.incidentId, command.reason()), command.actor(), command.source(),
				command.occurredAt(), clock);
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.ALWAYS)
	CommandResult handle(DeclareIncidentForAlert command, Clock clock) {
		Instant recordedAt = now(clock);
		FiringAlert alert = command.alert();
		// A sender's clock ahead of ours must not lose the alert: impact starts no later
		// than we heard of it.
		Instant impactStartedAt = (command.impactStartedAt() == null || command.impactStartedAt().isAfter(recordedAt))
				? recordedAt : command.impactStartedAt().truncatedTo(ChronoUnit.MICROS);
		record(event(() -> new IncidentDeclared(command.incidentId(), command.title(), command.severity(),
				command.services(), impactStartedAt, null, new OpeningAlert(alert.integration(), alert.alertKey()))),
				alert.integration(), alert.integration(), recordedAt, recordedAt);
		return record(event(() -> triggered(command.incidentId(), alert)), alert.integration(), alert.integration(),
				recordedAt, recordedAt);
	}

	/**
	 * A firing alert joins an open incident; one firing for a resolved incident is routed
	 * elsewhere by the caller.
	 */
	@CommandHandler
	CommandResult handle(TriggerAlert command, Clock clock) {
		requireOpen("attach an alert to");
		FiringAlert alert = command.alert();
		if (this.firingAlerts.contains(alertId(alert.integration(), alert.alertKey()))) {
			throw new IncidentConflictException("alert " + alert.alertKey() + " is already firing on this incident");
		}
		Instant recordedAt = now(clock);
		return record(event(() -> triggered(this.incidentId, alert)), alert.integration(), alert.integration(),
				recordedAt, recordedAt);
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
				command.integration(), command.integration(), recordedAt, recordedAt);
	}

	@CommandHandler
	CommandResult handle(ResolveAlert command, Clock clock) {
		String alert = alertId(command.integration(), command.alertKey());
		if (!this.firingAlerts.contains(alert)) {
			throw new IncidentConflictException("alert " + command.alertKey() + " is not firing on this incident");
		}
		Instant recordedAt = now(clock);
		CommandResult result = record(event(() -> new AlertResolved(this.incidentId, command.integration(),
				command.alertKey(), command.resolvedAt())), command.integration(), command.integration(), recordedAt,
				recordedAt);
		if (command.resolveIncidentOpenedByAlert() && alert.equals(this.openingAlert) && !this.humanActed
				&& this.status.isOpen()) {
			return record(
					event(() -> new IncidentResolved(this.incidentId,
							"resolved by " + command.integration() + ": the alert that opened it resolved")),
					command.integration(), command.integration(), recordedAt, recordedAt);
		}
		return result;
	}

	@EventSourcingHandler
	void on(IncidentDeclared event) {
		this.incidentId = event.incidentId();
		this.openingAlert = (event.openingAlert() != null)
				? alertId(event.openingAlert().integration(), event.openingAlert().alertKey()) : null;
		this.severity = event.severity();
		this.status = IncidentStatus.INVESTIGATING;
		this.impactStartedAt = event.impactStartedAt();
	}

	@EventSourcingHandler
	void on(SeverityChanged event) {
		this.severity = event.to();
		this.humanActed = true;
	}

	@EventSourcingHandler
	void on(IncidentAcknowledged event, @SequenceNumber long sequenceNumber,
			@MetaDataValue(EventMetadata.RECORDED_AT) Object recordedAt) {
		this.humanActed = true;
		this.firstAcknowledgement = new CommandResult(event.incidentId(), sequenceNumber + 1,
				EventMetadata.instant(recordedAt, EventMetadata.RECORDED_AT));
	}

	@EventSourcingHandler
	void on(StatusChanged event) {
		this.status = event.to();
		this.humanActed = true;
	}

	@EventSourcingHandler
	void on(IncidentResolved event) {
		this.status = IncidentStatus.RESOLVED;
	}

	@EventSourcingHandler
	void on(IncidentReopened event) {
		this.status = IncidentStatus.INVESTIGATING;
		this.humanActed = true;
	}

	@EventSourcingHandler
	void on(AlertTriggered event) {
		this.firingAlerts.add(alertId(event.integration(), event.alertKey()));
	}

	@EventSourcingHandler
	void on(AlertAcknowledged event) {
		this.acknowledgedAlerts.add(alertId(event.integration(), event.alertKey()));
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

	private CommandResult record(Supplier<IncidentEvent> event, String actor, String source,
			Instant requestedOccurredAt, Clock clock) {
		Instant recordedAt = now(clock);
		Instant occurredAt = occurredAt(requestedOccurredAt, recordedAt);
		if (occurredAt.isBefore(this.impactStartedAt)) {
			throw new InvalidCommandException("occurredAt", "occurredAt must not be before the impact started ("
					+ Timestamps.format(this.impactStartedAt) + ")");
		}
		return record(event(event), actor, source, occurredAt, recordedAt);
	}

	private CommandResult record(IncidentEvent event, String actor, String source, Instant occurredAt,
			Instant recordedAt) {
		AggregateLifecycle.apply(event,
				MetaData.with(EventMetadata.ACTOR, actor)
					.and(EventMetadata.SOURCE, source)
					.and(EventMetadata.OCCURRED_AT, Timestamps.format(occurredAt))
					.and(EventMetadata.RECORDED_AT, Timestamps.format(recordedAt)));
		return new CommandResult(event.incidentId(), AggregateLifecycle.getVersion() + 1, recordedAt);
	}

	private static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant occurredAt(Instant requested, Instant recordedAt) {
		if (requested == null) {
			return recordedAt;
		}
		if (requested.isAfter(recordedAt.plus(CLOCK_SKEW))) {
			throw new InvalidCommandException("occurredAt", "occurredAt must not be in the future");
		}
		return requested.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The event records check their own fields; their messages start with the field's
	 * name ({@code "title must not be blank"}), which becomes the field of the 400.
	 */
	private static IncidentEvent event(Supplier<? extends IncidentEvent> constructor) {
		try {
			return constructor.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			String message = String.valueOf(ex.getMessage());
			String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')).replace("[]", "") : null;
			throw new InvalidCommandException(field, message);
		}
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

}
