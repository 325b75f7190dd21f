package io.incidenttimeline.query.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import io.incidenttimeline.query.consuming.Freshness;
import io.incidenttimeline.query.web.UnknownResource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
class IncidentController {

	private final IncidentRepository incidents;

	private final ConsumerProgress progress;

	IncidentController(IncidentRepository incidents, ConsumerProgress progress) {
		this.incidents = incidents;
		this.progress = progress;
	}

	/**
	 * Newest declaration first; {@code from}/{@code to} bound the declaration time.
	 */
	@GetMapping
	IncidentList list(@Valid IncidentFilter filter) {
		Freshness freshness = this.progress.global();
		IncidentRepository.Page found = this.incidents.search(filter);
		return new IncidentList(found.items().stream().map(IncidentController::item).toList(), filter.page(),
				filter.size(), found.total(), freshness);
	}

	/**
	 * The incident now, or with {@code asOf} as it stood at that instant: what had been
	 * recorded by then (an audit question: what did we know at 10:10?).
	 */
	@GetMapping("/{id}")
	ResponseEntity<IncidentDetails> get(@Valid IncidentAt request) {
		IncidentId id = request.id();
		Instant asOf = request.asOf();
		Freshness freshness = this.progress.of(id);
		Optional<IncidentRepository.Applied> found = (asOf == null) ? this.incidents.findApplied(id)
				: this.incidents.findAsOf(id, asOf);
		IncidentRepository.Applied applied = found.orElseThrow(() -> new UnknownResource((asOf == null)
				? "no incident " + id : "no incident " + id + " recorded by " + Timestamps.format(asOf)));
		return ResponseEntity.ok()
			.header(Freshness.LAST_APPLIED_SEQUENCE_HEADER, String.valueOf(freshness.lastAppliedSequence()))
			.body(details(applied, freshness));
	}

	private static IncidentItem item(IncidentRepository.Applied applied) {
		Incident i = applied.incident();
		return new IncidentItem(i.id(), i.title(), i.severity(), i.status(), i.services(), i.commander(),
				i.declaredAt(), i.impactStartedAt(), i.impactStartedAtAsDeclared(), i.acknowledgedAt(), i.mitigatedAt(),
				i.resolvedAt(), applied.lastSequence(), applied.updatedAt());
	}

	private static IncidentDetails details(IncidentRepository.Applied applied, Freshness freshness) {
		Incident i = applied.incident();
		Acknowledgement acknowledgement = (i.acknowledgedAt() != null)
				? new Acknowledgement(i.acknowledgedBy(), i.acknowledgedAt()) : null;
		return new IncidentDetails(i.id(), i.title(), i.severity(), i.status(), i.services(), i.commander(), i.roles(),
				acknowledgement, i.mitigations(), i.impactStartedAt(), i.impactStartedAtAsDeclared(), i.declaredAt(),
				i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt(), applied.lastSequence(), applied.updatedAt(),
				freshness);
	}

	/**
	 * The path's incident id and the optional {@code asOf} instant, bound together so
	 * that one answer names both when both are wrong.
	 */
	record IncidentAt(@NotNull IncidentId id, Instant asOf) {

		/**
		 * Declared in full so that its parameters carry no annotations (see
		 * {@link IncidentFilter}).
		 */
		IncidentAt(IncidentId id, Instant asOf) {
			this.id = id;
			this.asOf = asOf;
		}

	}

	record IncidentList(List<IncidentItem> items, int page, int size, long total, Freshness freshness) {
	}

	record IncidentItem(UUID id, String title, String severity, String status, List<String> services, String commander,
			Instant declaredAt, Instant impactStartedAt, Instant impactStartedAtAsDeclared, Instant acknowledgedAt,
			Instant mitigatedAt, Instant resolvedAt, long lastSequence, Instant updatedAt) {
	}

	record IncidentDetails(UUID id, String title, String severity, String status, List<String> services,
			String commander, Map<String, String> roles, Acknowledgement acknowledgement,
			List<Incident.Mitigation> mitigations, Instant impactStartedAt, Instant impactStartedAtAsDeclared,
			Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt, long lastSequence,
			Instant updatedAt, Freshness freshness) {
	}

	record Acknowledgement(String by, Instant at) {
	}

}
