package io.incidenttimeline.query.consuming.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds one projection from this service's own copy of the events: truncate its
 * tables, replay every stored event in (incident, sequence) order, a page of stored
 * events at a time ({@link Projection#applyAll}). It runs in one transaction that first
 * locks {@code projection_progress}, so the consumer waits and readers keep seeing the
 * old rows until the new ones are complete. Replayed events are not announced one by one:
 * listeners hear one {@link ProjectionRebuilt}.
 */
@Component
class ProjectionRebuilder {

	private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

	private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	/**
	 * Events per page: read with one query, applied with one {@link Projection#applyAll}.
	 */
	private static final int PAGE = 5_000;

	private final List<Projection> projections;

	private final EventLog eventLog;

	private final ProgressTable progress;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	ProjectionRebuilder(List<Projection> projections, EventLog eventLog, ProgressTable progress, JdbcClient jdbc,
			ApplicationEventPublisher publisher) {
		this.projections = projections;
		this.eventLog = eventLog;
		this.progress = progress;
		this.jdbc = jdbc;
		this.publisher = publisher;
	}

	List<String> names() {
		return this.projections.stream().map(Projection::name).toList();
	}

	Optional<Projection> named(String name) {
		return this.projections.stream().filter((projection) -> projection.name().equals(name)).findFirst();
	}

	/**
	 * @return how many events were replayed into it
	 */
	@Transactional
	public long rebuild(Projection projection) {
		this.progress.lockAll();
		for (String table : projection.tables()) {
			if (!TABLE_NAME.matcher(table).matches()) {
				throw new IllegalStateException("not a plain table name: " + table);
			}
			this.jdbc.sql("TRUNCATE TABLE " + table).update();
		}
		long replayed = 0;
		UUID incident = new UUID(0, 0);
		long sequence = 0;
		List<EventLog.Stored> page;
		do {
			page = this.eventLog.after(incident, sequence, PAGE);
			List<EventEnvelope> known = new ArrayList<>(page.size());
			for (EventLog.Stored stored : page) {
				if (IncomingEvent.read(stored.wire()) instanceof IncomingEvent.Known event) {
					known.add(event.envelope());
				}
				incident = stored.incidentId();
				sequence = stored.sequence();
			}
			if (!known.isEmpty()) {
				projection.applyAll(known);
				replayed += known.size();
			}
		}
		while (page.size() == PAGE);
		log.info("rebuilt projection {} from {} events", projection.name(), replayed);
		this.publisher.publishEvent(new ProjectionRebuilt(projection.name(), replayed));
		return replayed;
	}

}
