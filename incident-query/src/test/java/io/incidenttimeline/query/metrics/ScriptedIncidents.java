package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentAcknowledged;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentReopened;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.StatusChanged;

/**
 * Five incidents with known timestamps and the MTTx figures computed by hand from them.
 * <ul>
 * <li>A: SEV-2 raised to SEV-1, impact backdated 10 min before the declaration, alert
 * before declaration; MTTD 240, MTTA 120, MTTM 1800, MTTR 3600, declared-to-resolved
 * 3000;</li>
 * <li>B: SEV-2, no alert, never acknowledged, resolved without monitoring; MTTD 1200,
 * MTTA missing, MTTM 3600 (resolution), MTTR 3600, declared-to-resolved 2400;</li>
 * <li>C: SEV-3, alert after the declaration, resolved, reopened, resolved again; MTTD
 * 300, MTTA 120, MTTM 1800, MTTR 10800, declared-to-resolved 10500;</li>
 * <li>D: SEV-1, open, a MitigationApplied but no monitoring; MTTD 60, MTTA 120, the rest
 * missing;</li>
 * <li>E: SEV-3, acknowledgement entered 25 min late (backdated); MTTD 1800, MTTA 300,
 * MTTM 3600, MTTR 5400, declared-to-resolved 3600.</li>
 * </ul>
 */
final class ScriptedIncidents {

	static final Story A = new Story("A")
		.declared(Severity.SEV_2, "checkout", "2026-11-17T10:00:00Z", "2026-11-17T10:10:00Z")
		.alert("2026-11-17T10:04:00Z")
		.acknowledged("2026-11-17T10:06:00Z")
		.severity(Severity.SEV_2, Severity.SEV_1, "2026-11-17T10:08:00Z")
		.status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, "2026-11-17T10:30:00Z")
		.resolved("2026-11-17T11:00:00Z");

	static final Story B = new Story("B")
		.declared(Severity.SEV_2, "search", "2026-11-17T12:00:00Z", "2026-11-17T12:20:00Z")
		.resolved("2026-11-17T13:00:00Z");

	static final Story C = new Story("C")
		.declared(Severity.SEV_3, "search", "2026-11-10T09:00:00Z", "2026-11-10T09:05:00Z")
		.acknowledged("2026-11-10T09:07:00Z")
		.alert("2026-11-10T09:10:00Z")
		.status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, "2026-11-10T09:30:00Z")
		.resolved("2026-11-10T10:00:00Z")
		.reopened("2026-11-10T10:30:00Z")
		.resolved("2026-11-10T12:00:00Z");

	static final Story D = new Story("D")
		.declared(Severity.SEV_1, "checkout", "2026-11-17T14:00:00Z", "2026-11-17T14:01:00Z")
		.acknowledged("2026-11-17T14:03:00Z")
		.mitigation("2026-11-17T14:10:00Z");

	static final Story E = new Story("E")
		.declared(Severity.SEV_3, "payments", "2026-10-28T08:00:00Z", "2026-10-28T08:30:00Z")
		.status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, "2026-10-28T09:00:00Z")
		.backdatedAcknowledgement("2026-10-28T08:35:00Z", "2026-10-28T09:00:30Z")
		.resolved("2026-10-28T09:30:00Z");

	static final List<Story> ALL = List.of(A, B, C, D, E);

	private ScriptedIncidents() {
	}

	/**
	 * All moments as the projection would hold them after applying every event.
	 */
	static List<IncidentMoments> moments() {
		return ALL.stream().map(Story::moments).toList();
	}

	static final class Story {

		private final String name;

		private final IncidentId incident = IncidentId.random();

		private final List<EventEnvelope> events = new ArrayList<>();

		Story(String name) {
			this.name = name;
		}

		IncidentId incident() {
			return this.incident;
		}

		List<EventEnvelope> events() {
			return List.copyOf(this.events);
		}

		Story declared(Severity severity, String service, String impactStartedAt, String at) {
			return add(new IncidentDeclared(this.incident, "Incident " + this.name, severity, List.of(service),
					Instant.parse(impactStartedAt), "erin"), at);
		}

		Story alert(String at) {
			return add(new AlertTriggered(this.incident, "alertmanager", "fp-" + this.name, "alert " + this.name,
					"critical", Map.of("alertname", "High" + this.name), Instant.parse(at).minusSeconds(30), null), at);
		}

		Story acknowledged(String at) {
			return add(new IncidentAcknowledged(this.incident), at);
		}

		Story backdatedAcknowledgement(String at, String recordedAt) {
			return add(new IncidentAcknowledged(this.incident), at, recordedAt);
		}

		Story severity(Severity from, Severity to, String at) {
			return add(new SeverityChanged(this.incident, from, to, null), at);
		}

		Story status(IncidentStatus from, IncidentStatus to, String at) {
			return add(new StatusChanged(this.incident, from, to), at);
		}

		Story mitigation(String at) {
			return add(new MitigationApplied(this.incident, MitigationKind.ROLLBACK, "rolled back"), at);
		}

		Story resolved(String at) {
			return add(new IncidentResolved(this.incident, null), at);
		}

		Story reopened(String at) {
			return add(new IncidentReopened(this.incident, "errors are back"), at);
		}

		IncidentMoments moments() {
			EventEnvelope first = this.events.get(0);
			IncidentMoments moments = IncidentMoments.declared(first, (IncidentDeclared) first.payload());
			for (EventEnvelope event : this.events.subList(1, this.events.size())) {
				moments = moments.on(event);
			}
			return moments;
		}

		private Story add(IncidentEvent event, String at) {
			return add(event, at, Instant.parse(at).plusMillis(5).toString());
		}

		private Story add(IncidentEvent event, String at, String recordedAt) {
			this.events.add(new EventEnvelope(UUID.randomUUID(), this.incident, this.events.size() + 1,
					Instant.parse(at), Instant.parse(recordedAt), "erin", "web", event));
			return this;
		}

	}

}
