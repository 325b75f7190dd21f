package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.incidenttimeline.events.IncidentStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atlassian Statuspage's public read-only API v2, field for field, so existing widgets
 * and aggregators can read this page. Open to everyone and to scripts of every origin
 * like Statuspage's own, since it holds only public data (the security module's rules and
 * CORS settings say so). Every reader gets the same documents, so each is written out
 * once per {@link StatusPage#snapshot()} and kept, gzipped too ({@link KeptDocuments}):
 * they list every unresolved incident with its updates, megabytes when many are open (2.2
 * MB for 1,040, 0.28 MB gzipped).
 */
@RestController
@RequestMapping(path = "/api/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class StatuspageApi {

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final JsonMapper json;

	StatuspageApi(StatusPage statusPage, StatusPageSettings settings, JsonMapper json) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.json = json;
	}

	@GetMapping("/status.json")
	ResponseEntity<byte[]> status(
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		return answer(accepted, "status.json", (snapshot) -> new StatusDocument(page(snapshot), status(snapshot)));
	}

	@GetMapping("/summary.json")
	ResponseEntity<byte[]> summary(
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		return answer(accepted, "summary.json", (snapshot) -> new SummaryDocument(page(snapshot), components(snapshot),
				incidents(snapshot, snapshot.open()), List.of(), status(snapshot)));
	}

	@GetMapping("/components.json")
	ResponseEntity<byte[]> components(
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		return answer(accepted, "components.json",
				(snapshot) -> new ComponentsDocument(page(snapshot), components(snapshot)));
	}

	@GetMapping("/incidents.json")
	ResponseEntity<byte[]> incidents(
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		return answer(accepted, "incidents.json",
				(snapshot) -> new IncidentsDocument(page(snapshot), incidents(snapshot, snapshot.recent())));
	}

	@GetMapping("/incidents/unresolved.json")
	ResponseEntity<byte[]> unresolved(
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		return answer(accepted, "incidents/unresolved.json",
				(snapshot) -> new IncidentsDocument(page(snapshot), incidents(snapshot, snapshot.open())));
	}

	/**
	 * The document, gzipped when the request's {@code Accept-Encoding} accepts gzip.
	 */
	private ResponseEntity<byte[]> answer(String accepted, String name,
			Function<StatusPage.Snapshot, Object> document) {
		return KeptDocuments.answer(this.statusPage, accepted, name, MediaType.APPLICATION_JSON,
				(snapshot) -> this.json.writeValueAsBytes(document.apply(snapshot)));
	}

	private Page page(StatusPage.Snapshot snapshot) {
		return new Page(this.settings.id(), this.settings.name(), this.settings.url(), this.settings.timeZone(),
				snapshot.updatedAt());
	}

	private static Status status(StatusPage.Snapshot snapshot) {
		return new Status(snapshot.indicator().wire(), snapshot.indicator().description());
	}

	private List<Component> components(StatusPage.Snapshot snapshot) {
		return snapshot.components().stream().map(this::component).toList();
	}

	private Component component(ComponentView view) {
		return new Component(view.id(), this.settings.id(), null, view.name(), null, view.status().wire(),
				view.position(), true, false, view.createdAt(), view.updatedAt());
	}

	private List<Incident> incidents(StatusPage.Snapshot snapshot, List<StatusPage.IncidentView> views) {
		return views.stream().map((view) -> incident(snapshot, view)).toList();
	}

	private Incident incident(StatusPage.Snapshot snapshot, StatusPage.IncidentView view) {
		PublicIncident incident = view.incident();
		String id = incident.id().toString();
		List<Component> components = incident.components()
			.stream()
			.map((name) -> component(snapshot.component(name)))
			.toList();
		List<Update> updates = view.updates().stream().map((update) -> update(id, update)).toList();
		return new Incident(id, incident.name(), wire(incident.status()), Indicator.of(incident.severity()).wire(),
				incident.createdAt(), incident.updatedAt(), incident.startedAt(), incident.monitoringAt(),
				incident.resolvedAt(), this.settings.shortlink(id), this.settings.id(), components, updates);
	}

	private static Update update(String incidentId, PublicUpdate update) {
		List<AffectedComponent> affected = update.affectedComponents()
			.stream()
			.map((component) -> new AffectedComponent(ComponentView.idOf(component.name()), component.name(),
					component.oldStatus().wire(), component.newStatus().wire()))
			.toList();
		return new Update(update.id().toString(), incidentId, wire(update.status()), update.body(), update.createdAt(),
				update.createdAt(), update.createdAt(), affected);
	}

	private static String wire(IncidentStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	record StatusDocument(Page page, Status status) {
	}

	record SummaryDocument(Page page, List<Component> components, List<Incident> incidents,
			@JsonProperty("scheduled_maintenances") List<Object> scheduledMaintenances, Status status) {
	}

	record ComponentsDocument(Page page, List<Component> components) {
	}

	record IncidentsDocument(Page page, List<Incident> incidents) {
	}

	record Page(String id, String name, String url, @JsonProperty("time_zone") String timeZone,
			@JsonProperty("updated_at") Instant updatedAt) {
	}

	record Status(String indicator, String description) {
	}

	record Component(String id, @JsonProperty("page_id") String pageId, @JsonProperty("group_id") String groupId,
			String name, String description, String status, int position, boolean showcase,
			@JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
	}

	record Incident(String id, String name, String status, String impact, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("updated_at") Instant updatedAt, @JsonProperty("started_at") Instant startedAt,
			@JsonProperty("monitoring_at") Instant monitoringAt, @JsonProperty("resolved_at") Instant resolvedAt,
			String shortlink, @JsonProperty("page_id") String pageId, List<Component> components,
			@JsonProperty("incident_updates") List<Update> incidentUpdates) {
	}

	record Update(String id, @JsonProperty("incident_id") String incidentId, String status, String body,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt,
			@JsonProperty("display_at") Instant displayAt,
			@JsonProperty("affected_components") List<AffectedComponent> affectedComponents) {
	}

	record AffectedComponent(String code, String name, @JsonProperty("old_status") String oldStatus,
			@JsonProperty("new_status") String newStatus) {
	}

}
