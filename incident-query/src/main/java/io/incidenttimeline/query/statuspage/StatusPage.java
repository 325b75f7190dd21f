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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.incidenttimeline.events.Severity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the status page projection into what the JSON documents, the HTML page and the
 * feed show, each from one consistent snapshot of the tables.
 */
@Component
class StatusPage {

	static final int RECENT_INCIDENTS = 50;

	private final StatusPageRepository repository;

	StatusPage(StatusPageRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Snapshot snapshot() {
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

	/**
	 * The last {@link DayHistory#DAYS} days of every component, up to {@code now}.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Map<String, List<DayHistory.Day>> history(Instant now) {
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
