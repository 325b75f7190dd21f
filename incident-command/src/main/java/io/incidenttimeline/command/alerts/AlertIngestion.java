package io.incidenttimeline.command.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.incidenttimeline.command.alerts.AlertProperties.IncidentResolution;
import io.incidenttimeline.command.alerts.AlertReceipts.Receipt;
import io.incidenttimeline.command.alerts.AlertReceipts.State;
import io.incidenttimeline.command.alerts.RoutingPolicy.Route;
import io.incidenttimeline.command.incident.AcknowledgeAlert;
import io.incidenttimeline.command.incident.DeclareIncidentForAlert;
import io.incidenttimeline.command.incident.FiringAlert;
import io.incidenttimeline.command.incident.IncidentConflictException;
import io.incidenttimeline.command.incident.ResolveAlert;
import io.incidenttimeline.command.incident.TriggerAlert;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Text;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns accepted alerts into incident events. All alerts of one request are handled in
 * one database transaction together with their receipts, so a request is recorded
 * completely or not at all, and a retried or concurrent duplicate finds the receipt and
 * records nothing new. Axon's unit of work joins that transaction because the command bus
 * runs in this thread.
 *
 * Before it reads anything, a request takes transaction-scoped advisory locks on what its
 * alerts decide about ({@link #lockKeys}): each alert at its sender, each notification's
 * dedup key, and each route an alert may open or join. So across instances two alerts of
 * one group cannot both declare an incident, and two deliveries of one alert cannot both
 * record it, while unrelated alerts (an alert storm from many groups, several senders)
 * are ingested side by side; one lock for all ingestion had made a storm wait in line.
 * The locks are taken in one order (by key) so two requests never wait for each other in
 * a circle. The wait for them is bounded ({@link #LOCK_WAIT}): a lock held too long by a
 * stuck transaction makes the sender hear 503 and retry, instead of hanging its request.
 */
@Component
public class AlertIngestion {

	private static final int ATTEMPTS = 3;

	/**
	 * How long a request waits for the ingestion lock before it gives up (PostgreSQL's
	 * {@code lock_timeout}, 55P03, answered 503).
	 */
	static final Duration LOCK_WAIT = Duration.ofSeconds(2);

	private final CommandGateway commands;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final AlertReceipts receipts;

	private final AlertRoutes routes;

	private final RoutingPolicy policy;

	private final IncidentResolution resolution;

	private final Clock clock;

	AlertIngestion(CommandGateway commands, TransactionTemplate transaction, JdbcTemplate jdbc, AlertReceipts receipts,
			AlertRoutes routes, AlertProperties properties, AlertSeverities severities, Clock clock) {
		this.commands = commands;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.receipts = receipts;
		this.routes = routes;
		this.policy = new RoutingPolicy(properties.rules(), severities);
		this.resolution = properties.resolveIncidents();
		this.clock = clock;
	}

	/**
	 * A human resolving an incident while one of its alerts is being attached makes the
	 * attach fail; the retry finds the route closed and declares a new incident.
	 */
	public List<Outcome> ingest(List<Alert> alerts) {
		List<Alert> ordered = new ArrayList<>(alerts);
		ordered.sort(Comparator.comparing(Alert::action));
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((tx) -> {
					this.jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
					this.jdbc.query("""
							SELECT pg_advisory_xact_lock(key) FROM (
							  SELECT DISTINCT hashtextextended(name, 0) AS key FROM unnest(?::text[]) AS name) AS keys
							ORDER BY key""", (row) -> {
					}, (Object) lockKeys(ordered));
					Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
					return ordered.stream().map((alert) -> ingest(alert, now)).toList();
				});
			}
			catch (ConcurrencyException | IncidentConflictException | DataIntegrityViolationException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The names of the advisory locks a request takes (PostgreSQL hashes each to a 64-bit
	 * key): {@code alert <integration> <alert key>}, {@code notification <integration>
	 * <dedup key>}, and {@code route <route key>} for an alert a rule routes.
	 */
	String[] lockKeys(List<Alert> alerts) {
		Set<String> keys = new TreeSet<>();
		for (Alert alert : alerts) {
			keys.add("alert " + alert.integration() + " " + alert.alertKey());
			keys.add("notification " + alert.integration() + " " + alert.dedupKey());
			this.policy.route(alert).ifPresent((route) -> keys.add("route " + route.routeKey()));
		}
		return keys.toArray(String[]::new);
	}

	private Outcome ingest(Alert alert, Instant now) {
		Receipt receipt = this.receipts.find(alert.integration(), alert.dedupKey());
		return switch (alert.action()) {
			case TRIGGER -> trigger(alert, receipt, now);
			case ACKNOWLEDGE -> acknowledge(alert, receipt, now);
			case RESOLVE -> resolve(alert, receipt, now);
		};
	}

	private Outcome trigger(Alert alert, Receipt receipt, Instant now) {
		if (receipt != null && (receipt.state() != State.RESOLVED || !alert.firesAgain())) {
			this.receipts.repeat(receipt.id(), now);
			return new Outcome(alert, Result.DUPLICATE, receipt.incidentId());
		}
		Optional<Route> route = this.policy.route(alert);
		IncidentId incident = route.flatMap((r) -> place(alert, r, now)).orElse(null);
		String rule = route.map(Route::rule).orElse(null);
		if (receipt == null) {
			this.receipts.insert(alert, State.FIRING, incident, rule, now);
		}
		else {
			this.receipts.refire(receipt.id(), alert, incident, rule, now);
		}
		return new Outcome(alert, (incident != null) ? Result.RECORDED : Result.UNROUTED, incident);
	}

	private Optional<IncidentId> place(Alert alert, Route route, Instant now) {
		Optional<IncidentId> open = this.routes.openIncident(route.routeKey());
		if (open.isPresent()) {
			List<Receipt> earlier = this.receipts.firingOn(open.get(), alert);
			if (earlier.isEmpty()) {
				this.commands.sendAndWait(new TriggerAlert(open.get(), firing(alert)));
			}
			// The timeline already shows this alert firing: the new receipt takes over
			// from
			// the earlier ones, and its resolution will be the alert's.
			earlier.forEach((receipt) -> this.receipts.changeState(receipt.id(), State.RESOLVED, null, now));
			return open;
		}
		if (!route.declare()) {
			return Optional.empty();
		}
		IncidentId incident = IncidentId.random();
		List<String> services = (alert.service() != null) ? List.of(alert.service()) : List.of();
		this.commands.sendAndWait(
				new DeclareIncidentForAlert(incident, Text.shorten(Json.oneLine(alert.title()), FieldLimits.TITLE),
						route.severity(), services, alert.firedAt(), firing(alert)));
		this.routes.open(route.routeKey(), incident, now);
		return Optional.of(incident);
	}

	private Outcome acknowledge(Alert alert, Receipt receipt, Instant now) {
		if (receipt == null) {
			this.receipts.insert(alert, State.ACKNOWLEDGED, null, null, now);
			return new Outcome(alert, Result.UNKNOWN_ALERT, null);
		}
		if (receipt.state() != State.FIRING) {
			this.receipts.repeat(receipt.id(), now);
			return new Outcome(alert, Result.DUPLICATE, receipt.incidentId());
		}
		if (receipt.incidentId() != null) {
			this.commands
				.sendAndWait(new AcknowledgeAlert(receipt.incidentId(), alert.integration(), alert.alertKey()));
		}
		this.receipts.changeState(receipt.id(), State.ACKNOWLEDGED, null, now);
		return new Outcome(alert, (receipt.incidentId() != null) ? Result.RECORDED : Result.UNROUTED,
				receipt.incidentId());
	}

	private Outcome resolve(Alert alert, Receipt receipt, Instant now) {
		if (receipt == null) {
			this.receipts.insert(alert, State.RESOLVED, null, null, now);
			return new Outcome(alert, Result.UNKNOWN_ALERT, null);
		}
		if (receipt.state() == State.RESOLVED) {
			this.receipts.repeat(receipt.id(), now);
			return new Outcome(alert, Result.DUPLICATE, receipt.incidentId());
		}
		if (receipt.incidentId() != null) {
			this.commands.sendAndWait(new ResolveAlert(receipt.incidentId(), alert.integration(), alert.alertKey(),
					alert.resolvedAt(), this.resolution == IncidentResolution.OPENED_BY_ALERT));
		}
		this.receipts.changeState(receipt.id(), State.RESOLVED, alert.resolvedAt(), now);
		return new Outcome(alert, (receipt.incidentId() != null) ? Result.RECORDED : Result.UNROUTED,
				receipt.incidentId());
	}

	private static FiringAlert firing(Alert alert) {
		return new FiringAlert(alert.integration(), alert.alertKey(), alert.summary(), alert.alertSeverity(),
				alert.labels(), alert.firedAt(), alert.link());
	}

	public enum Result {

		/**
		 * Recorded on an incident's timeline.
		 */
		RECORDED,

		/**
		 * Already received: only the repeat was counted.
		 */
		DUPLICATE,

		/**
		 * Accepted and kept as a receipt; no rule or no open incident took it.
		 */
		UNROUTED,

		/**
		 * An acknowledgement or resolution for an alert we never received.
		 */
		UNKNOWN_ALERT

	}

	public record Outcome(Alert alert, Result result, IncidentId incidentId) {
	}

}
