package io.incidenttimeline.query.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import io.incidenttimeline.query.jdbc.ReadCache;
import io.incidenttimeline.query.jdbc.ReadCaches;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the status page projection into what the JSON documents, the HTML page and the
 * feed show, each from one consistent snapshot of the tables. Everyone reads the same
 * page, so what was read is kept until the consumer or a rebuild commits a change (the
 * history per day it was read on: it depends on the time only through the date).
 */
@Component
class StatusPage {

	static final int RECENT_INCIDENTS = 50;

	private final StatusPageRepository repository;

	private final TransactionTemplate snapshots;

	private final ReadCache<Boolean, Snapshot> snapshot;

	private final ReadCache<LocalDate, Map<String, List<DayHistory.Day>>> history;

	private final ReadCache<String, Object> rendered;

	StatusPage(StatusPageRepository repository, PlatformTransactionManager transactions, ReadCaches caches) {
		this.repository = repository;
		this.snapshot = caches.create();
		this.history = caches.create();
		this.rendered = caches.create();
		this.snapshots = new TransactionTemplate(transactions);
		this.snapshots.setReadOnly(true);
		this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	public Snapshot snapshot() {
		return this.snapshot.get(Boolean.TRUE, (all) -> this.snapshots.execute((tx) -> read()));
	}

	/**
	 * What {@code render} makes of the {@link #snapshot()} (a document written out), kept
	 * as long as the snapshot is; {@code name} names the rendering.
	 */
	@SuppressWarnings("unchecked")
	<T> T rendered(String name, Function<Snapshot, T> render) {
		return (T) this.rendered.get(name, (key) -> render.apply(snapshot()));
	}

	/**
	 * The last {@link DayHistory#DAYS} days of every component, up to {@code now}.
	 */
	public Map<String, List<DayHistory.Day>> history(Instant now) {
		if (atMidnight(now)) {
			return this.snapshots.execute((tx) -> read(now));
		}
		return this.history.get(LocalDate.ofInstant(now, ZoneOffset.UTC),
				(day) -> this.snapshots.execute((tx) -> read(now)));
	}

	/**
	 * Whether {@code now} is a UTC midnight itself: then a span still going on touches
	 * today only if it began then, so the day's history (and what shows it) is that
	 * instant's, not the day's.
	 */
	static boolean atMidnight(Instant now) {
		return now.equals(LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(EventsApplied applied) {
		this.snapshot.committing(applied);
		this.history.committing(applied);
		this.rendered.committing(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(EventsApplied applied) {
		this.snapshot.committed(applied);
		this.history.committed(applied);
		this.rendered.committed(applied);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void committing(ProjectionRebuilt rebuilt) {
		this.snapshot.committing(rebuilt);
		this.history.committing(rebuilt);
		this.rendered.committing(rebuilt);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void committed(ProjectionRebuilt rebuilt) {
		this.snapshot.committed(rebuilt);
		this.history.committed(rebuilt);
		this.rendered.committed(rebuilt);
	}

	private Snapshot read() {
		List<PublicIncident> open = this.repository.open();
		List<PublicIncident> recent = this.repository.recent(RECENT_INCIDENTS);
		Set<UUID> ids = Stream.concat(open.stream(), recent.stream())
			.map(PublicIncident::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<UUID, List<PublicUpdate>> updates = this.repository.updatesOf(ids);
		List<ComponentView> components = components(open);
		Instant updatedAt = this.repository.lastChange().orElse(Instant.EPOCH);
		return new Snapshot(updatedAt, Indicator.worst(open.stream().map(PublicIncident::severity).toList()),
				components, withUpdates(open, updates), withUpdates(recent, updates));
	}

	private Map<String, List<DayHistory.Day>> read(Instant now) {
		Instant since = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.minusDays(DayHistory.DAYS - 1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		Map<String, List<ImpactSpan>> spans = new TreeMap<>();
		for (ImpactSpan span : this.repository.spansSince(since.minus(Duration.ofDays(1)))) {
			spans.computeIfAbsent(span.component(), (name) -> new ArrayList<>()).add(span);
		}
		Map<String, List<DayHistory.Day>> history = new LinkedHashMap<>();
		for (StatusPageRepository.ComponentRow row : this.repository.components()) {
			history.put(row.name(), DayHistory.of(spans.getOrDefault(row.name(), List.of()),
					LocalDate.ofInstant(row.createdAt(), ZoneOffset.UTC), now));
		}
		return history;
	}

	private List<ComponentView> components(List<PublicIncident> open) {
		Map<String, List<Severity>> openSeverities = new TreeMap<>();
		for (PublicIncident incident : open) {
			incident.components()
				.forEach((component) -> openSeverities.computeIfAbsent(component, (name) -> new ArrayList<>())
					.add(incident.severity()));
		}
		List<ComponentView> components = new ArrayList<>();
		for (StatusPageRepository.ComponentRow row : this.repository.components()) {
			components.add(new ComponentView(row.name(),
					ComponentStatus.worst(openSeverities.getOrDefault(row.name(), List.of())), components.size() + 1,
					row.createdAt(), row.updatedAt()));
		}
		return components;
	}

	private static List<IncidentView> withUpdates(List<PublicIncident> incidents,
			Map<UUID, List<PublicUpdate>> updates) {
		return incidents.stream()
			.map((incident) -> new IncidentView(incident, updates.getOrDefault(incident.id(), List.of())))
			.toList();
	}

	record Snapshot(Instant updatedAt, Indicator indicator, List<ComponentView> components, List<IncidentView> open,
			List<IncidentView> recent) {

		ComponentView component(String name) {
			return this.components.stream()
				.filter((component) -> component.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no component " + name));
		}

	}

	record IncidentView(PublicIncident incident, List<PublicUpdate> updates) {
	}

}
