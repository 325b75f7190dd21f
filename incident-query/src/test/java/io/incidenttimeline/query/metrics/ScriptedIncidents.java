package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.util.List;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;

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

	static final IncidentStory A = a();

	static final IncidentStory B = b();

	static final IncidentStory C = c();

	static final IncidentStory D = d();

	static final IncidentStory E = e();

	static final List<IncidentStory> ALL = List.of(A, B, C, D, E);

	private ScriptedIncidents() {
	}

	static IncidentStory a() {
		IncidentStory a = declared("A", Severity.SEV_2, "checkout", "2026-11-17T10:00:00Z", "2026-11-17T10:10:00Z");
		a.at("2026-11-17T10:04:00Z").alertTriggered("alertmanager", "fp-A", "alert A");
		a.at("2026-11-17T10:06:00Z").acknowledged();
		a.at("2026-11-17T10:08:00Z").severity(Severity.SEV_2, Severity.SEV_1, null);
		a.at("2026-11-17T10:30:00Z").status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING);
		a.at("2026-11-17T11:00:00Z").resolved(null);
		return a;
	}

	private static IncidentStory b() {
		IncidentStory b = declared("B", Severity.SEV_2, "search", "2026-11-17T12:00:00Z", "2026-11-17T12:20:00Z");
		b.at("2026-11-17T13:00:00Z").resolved(null);
		return b;
	}

	private static IncidentStory c() {
		IncidentStory c = declared("C", Severity.SEV_3, "search", "2026-11-10T09:00:00Z", "2026-11-10T09:05:00Z");
		c.at("2026-11-10T09:07:00Z").acknowledged();
		c.at("2026-11-10T09:10:00Z").alertTriggered("alertmanager", "fp-C", "alert C");
		c.at("2026-11-10T09:30:00Z").status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING);
		c.at("2026-11-10T10:00:00Z").resolved(null);
		c.at("2026-11-10T10:30:00Z").reopened("errors are back");
		c.at("2026-11-10T12:00:00Z").resolved(null);
		return c;
	}

	private static IncidentStory d() {
		IncidentStory d = declared("D", Severity.SEV_1, "checkout", "2026-11-17T14:00:00Z", "2026-11-17T14:01:00Z");
		d.at("2026-11-17T14:03:00Z").acknowledged();
		d.at("2026-11-17T14:10:00Z").mitigation(MitigationKind.ROLLBACK, "rolled back");
		return d;
	}

	private static IncidentStory e() {
		IncidentStory e = declared("E", Severity.SEV_3, "payments", "2026-10-28T08:00:00Z", "2026-10-28T08:30:00Z");
		e.at("2026-10-28T09:00:00Z").status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING);
		e.at("2026-10-28T08:35:00Z").recordedAt("2026-10-28T09:00:30Z").acknowledged();
		e.at("2026-10-28T09:30:00Z").resolved(null);
		return e;
	}

	/**
	 * An incident named {@code Incident <name>}, declared at {@code at} with its impact
	 * started at {@code impactStartedAt}; its events are recorded 5 ms after they happen.
	 */
	private static IncidentStory declared(String name, Severity severity, String service, String impactStartedAt,
			String at) {
		IncidentStory story = new IncidentStory().recordingEachAfter(Duration.ofMillis(5));
		story.at(at)
			.declared((declaration) -> declaration.title("Incident " + name)
				.severity(severity)
				.services(service)
				.impactStartedAt(impactStartedAt));
		return story;
	}

	/**
	 * All moments as the projection would hold them after applying every event.
	 */
	static List<IncidentMoments> moments() {
		return ALL.stream().map(ScriptedIncidents::moments).toList();
	}

	static IncidentMoments moments(IncidentStory story) {
		return IncidentMoments.EVENTS.fold(story.events()).orElseThrow();
	}

}
