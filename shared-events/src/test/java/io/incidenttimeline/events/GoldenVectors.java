package io.incidenttimeline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The golden wire-format vectors (files under {@code golden/} in the test resources) with
 * the envelope each one must read as. One incident's story, one event of every type, in
 * sequence order. Both services test against these through the shared-events test-jar.
 */
public final class GoldenVectors {

	public static final IncidentId INCIDENT = IncidentId.parse("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");

	private static final Instant IMPACT = Instant.parse("2026-11-20T09:58:30.250000Z");

	private GoldenVectors() {
	}

	/**
	 * File name (under {@code golden/}) to the envelope it holds, in sequence order.
	 */
	public static Map<String, EventEnvelope> all() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>();
		vectors.put("01-incident-declared.v3.json",
				envelope(1, "2026-11-20T10:02:00.000000Z", "2026-11-20T10:02:00.123456Z", "alice", "web",
						new IncidentDeclared(INCIDENT, "Checkout returns HTTP 500", Severity.SEV_2,
								List.of("checkout", "payments"), IMPACT, "alice", null,
								Instant.parse("2026-11-20T10:00:30Z"), DetectionMethod.DASHBOARD)));
		EventEnvelope acknowledged = envelope(2, "2026-11-20T10:03:10.000001Z", "2026-11-20T10:03:10.500002Z", "bob",
				"pagerduty", new IncidentAcknowledged(INCIDENT));
		vectors.put("02-incident-acknowledged.v1.json",
				new EventEnvelope(acknowledged.eventId(), INCIDENT, 2, acknowledged.occurredAt(),
						acknowledged.recordedAt(), "bob", "Bob Ødegård", "pagerduty", acknowledged.payload()));
		EventEnvelope severityChanged = envelope(3, "2026-11-20T10:05:00.000000Z", "2026-11-20T10:05:00.010203Z",
				"alice", "web", new SeverityChanged(INCIDENT, Severity.SEV_2, Severity.SEV_1, "All regions affected"));
		vectors.put("03-severity-changed.v1.json",
				new EventEnvelope(severityChanged.eventId(), INCIDENT, 3, severityChanged.occurredAt(),
						severityChanged.recordedAt(), "alice", null, "web", severityChanged.payload(),
						"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
		vectors.put("04-role-assigned.v1.json", envelope(4, "2026-11-20T10:06:00.000000Z",
				"2026-11-20T10:06:00.020304Z", "alice", "web", new RoleAssigned(INCIDENT, Role.COMMS_LEAD, "carol")));
		vectors.put("05-status-changed.v1.json",
				envelope(5, "2026-11-20T10:10:00.000000Z", "2026-11-20T10:10:00.030405Z", "bob", "cli",
						new StatusChanged(INCIDENT, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED)));
		vectors.put("06-status-update-posted.v1.json",
				envelope(6, "2026-11-20T10:11:00.000000Z", "2026-11-20T10:11:00.040506Z", "carol", "web",
						new StatusUpdatePosted(INCIDENT, Visibility.PUBLIC,
								"We have identified the cause of failed checkouts and are rolling back.")));
		vectors.put("07-mitigation-applied.v1.json",
				envelope(7, "2026-11-20T10:08:00.000000Z", "2026-11-20T10:14:00.050607Z", "bob", "web",
						new MitigationApplied(INCIDENT, MitigationKind.ROLLBACK, "Rolled back checkout to v41")));
		vectors.put("08-timeline-note-added.v1.json",
				envelope(8, "2026-11-20T10:15:00.000000Z", "2026-11-20T10:15:00.060708Z", "dave", "slack",
						new TimelineNoteAdded(INCIDENT, "Error rate back under 0.1%")));
		vectors.put("09-incident-resolved.v1.json",
				envelope(9, "2026-11-20T10:30:00.000000Z", "2026-11-20T10:30:00.070809Z", "alice", "web",
						new IncidentResolved(INCIDENT, "Rollback fixed checkout")));
		vectors.put("10-incident-reopened.v1.json",
				envelope(10, "2026-11-20T11:00:00.000000Z", "2026-11-20T11:00:00.080910Z", "bob", "web",
						new IncidentReopened(INCIDENT, "Errors are back in eu-west")));
		return vectors;
	}

	public static final IncidentId ALERTED_INCIDENT = IncidentId.parse("0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d");

	private static final String ALERT_KEY = "a3f9c1e2b4d5f6a7";

	/**
	 * A second incident, declared by an Alertmanager alert, with the alert events (files
	 * under {@code golden/}, in sequence order).
	 */
	public static Map<String, EventEnvelope> alertStory() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>();
		vectors.put("alerts-01-incident-declared.v3.json", alerted(1, "2026-11-21T08:00:01.500000Z",
				"2026-11-21T08:00:01.512345Z",
				new IncidentDeclared(ALERTED_INCIDENT, "HighErrorRate: checkout", Severity.SEV_2, List.of("checkout"),
						Instant.parse("2026-11-21T07:58:00.123456Z"), null, new OpeningAlert("alertmanager", ALERT_KEY),
						Instant.parse("2026-11-21T08:00:01.5Z"), DetectionMethod.ALERT)));
		vectors.put("alerts-02-alert-triggered.v1.json", alerted(2, "2026-11-21T08:00:01.500000Z",
				"2026-11-21T08:00:01.523456Z",
				new AlertTriggered(ALERTED_INCIDENT, "alertmanager", ALERT_KEY, "Error rate above 5% on checkout",
						"critical", Map.of("alertname", "HighErrorRate", "service", "checkout", "severity", "critical"),
						Instant.parse("2026-11-21T07:58:00.123456Z"), "http://prometheus:9090/graph?g0.expr=rate")));
		vectors.put("alerts-03-alert-acknowledged.v1.json", alerted(3, "2026-11-21T08:02:00.000000Z",
				"2026-11-21T08:02:00.034567Z", new AlertAcknowledged(ALERTED_INCIDENT, "alertmanager", ALERT_KEY)));
		vectors.put("alerts-04-alert-resolved.v1.json", alerted(4, "2026-11-21T08:20:02.000000Z",
				"2026-11-21T08:20:02.045678Z",
				new AlertResolved(ALERTED_INCIDENT, "alertmanager", ALERT_KEY, Instant.parse("2026-11-21T08:20:00Z"))));
		return vectors;
	}

	/**
	 * Events as earlier versions of their type wrote them (files under
	 * {@code golden/earlier/}), with the envelope each must still read as: the fields
	 * their version lacked read as null. Readers only; nobody writes these any more.
	 */
	public static Map<String, EventEnvelope> earlierVersions() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>();
		EventEnvelope declared = all().get("01-incident-declared.v3.json");
		EventEnvelope alerted = alertStory().get("alerts-01-incident-declared.v3.json");
		vectors.put("earlier/01-incident-declared.v1.json", withDeclaration(declared, null));
		vectors.put("earlier/alerts-01-incident-declared.v1.json", withDeclaration(alerted, null));
		vectors.put("earlier/01-incident-declared.v2.json", withDeclaration(declared, null));
		vectors.put("earlier/alerts-01-incident-declared.v2.json",
				withDeclaration(alerted, ((IncidentDeclared) alerted.payload()).openingAlert()));
		return vectors;
	}

	/**
	 * The declaration as an earlier version carried it: without a detection (v1, v2) and,
	 * before v2, without its opening alert.
	 */
	private static EventEnvelope withDeclaration(EventEnvelope envelope, OpeningAlert openingAlert) {
		IncidentDeclared d = (IncidentDeclared) envelope.payload();
		return new EventEnvelope(envelope.eventId(), envelope.incidentId(), envelope.sequence(), envelope.occurredAt(),
				envelope.recordedAt(), envelope.actor(), envelope.actorName(), envelope.source(),
				new IncidentDeclared(d.incidentId(), d.title(), d.severity(), d.services(), d.impactStartedAt(),
						d.commander(), openingAlert));
	}

	private static final UUID FIRST_ITEM = UUID.fromString("3b5d7f9a-1c2e-4f60-8a1b-2c3d4e5f6071");

	private static final UUID SECOND_ITEM = UUID.fromString("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a");

	/**
	 * The first incident's story goes on after its second resolution: an impact start
	 * corrected during the review and its postmortem, written, with action items,
	 * reviewed and published (files under {@code golden/}, in sequence order from 11).
	 */
	public static Map<String, EventEnvelope> postmortemStory() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>();
		vectors.put("postmortem-11-incident-resolved.v1.json",
				envelope(11, "2026-11-20T12:00:00.000000Z", "2026-11-20T12:00:00.011121Z", "alice", "web",
						new IncidentResolved(INCIDENT, "Feature flag off in eu-west")));
		vectors.put("postmortem-12-key-moment-corrected.v1.json",
				envelope(12, "2026-11-23T15:00:00.000000Z", "2026-11-23T15:00:00.121314Z", "carol", "web",
						new KeyMomentCorrected(INCIDENT, KeyMoment.IMPACT_STARTED,
								Instant.parse("2026-11-20T09:55:00Z"), "Error logs show failures from 09:55")));
		vectors.put("postmortem-13-postmortem-started.v1.json", envelope(13, "2026-11-23T15:01:00.000000Z",
				"2026-11-23T15:01:00.131415Z", "carol", "web", new PostmortemStarted(INCIDENT)));
		vectors.put("postmortem-14-postmortem-section-written.v1.json",
				envelope(14, "2026-11-23T15:10:00.000000Z", "2026-11-23T15:10:00.141516Z", "carol", "web",
						new PostmortemSectionWritten(INCIDENT, PostmortemSection.ROOT_CAUSE,
								"A config change removed the payments timeout.\nNo canary caught it.")));
		vectors.put("postmortem-15-action-item-added.v1.json",
				envelope(15, "2026-11-23T15:20:00.000000Z", "2026-11-23T15:20:00.151617Z", "carol", "web",
						new ActionItemAdded(INCIDENT, FIRST_ITEM, "Canary every checkout config change", "dave",
								LocalDate.parse("2026-12-04"), ActionItemType.PREVENT, ActionItemPriority.P1,
								"https://tracker.example/PAY-101")));
		vectors.put("postmortem-16-action-item-updated.v1.json",
				envelope(16, "2026-11-23T15:25:00.000000Z", "2026-11-23T15:25:00.161718Z", "carol", "web",
						new ActionItemUpdated(INCIDENT, FIRST_ITEM, null, "erin", LocalDate.parse("2026-12-11"), null,
								null, null)));
		vectors.put("postmortem-17-action-item-completed.v1.json",
				envelope(17, "2026-12-01T09:00:00.000000Z", "2026-12-01T09:00:00.171819Z", "erin", "web",
						new ActionItemCompleted(INCIDENT, FIRST_ITEM, "Canary stage added to the deploy pipeline")));
		vectors.put("postmortem-18-second-action-item-added.v1.json",
				envelope(18, "2026-11-23T15:30:00.000000Z", "2026-11-23T15:30:00.181818Z", "carol", "web",
						new ActionItemAdded(INCIDENT, SECOND_ITEM, "Alert on payments timeouts", "dave",
								LocalDate.parse("2026-12-18"), ActionItemType.DETECT, ActionItemPriority.P2, null)));
		vectors.put("postmortem-19-action-item-dropped.v1.json",
				envelope(19, "2026-12-01T09:05:00.000000Z", "2026-12-01T09:05:00.181920Z", "carol", "web",
						new ActionItemDropped(INCIDENT, SECOND_ITEM, "Covered by the canary")));
		vectors.put("postmortem-20-postmortem-reviewed.v1.json",
				envelope(20, "2026-12-01T10:00:00.000000Z", "2026-12-01T10:00:00.192021Z", "ada", "web",
						new PostmortemReviewed(INCIDENT, "Clear chain from trigger to guardrail")));
		vectors.put("postmortem-21-postmortem-published.v1.json", envelope(21, "2026-12-01T10:05:00.000000Z",
				"2026-12-01T10:05:00.202122Z", "carol", "web", new PostmortemPublished(INCIDENT)));
		return vectors;
	}

	/**
	 * Both stories: every golden vector writers write.
	 */
	public static Map<String, EventEnvelope> every() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>(all());
		vectors.putAll(postmortemStory());
		vectors.putAll(alertStory());
		return vectors;
	}

	public static byte[] read(String fileName) {
		try (InputStream in = GoldenVectors.class.getResourceAsStream("/golden/" + fileName)) {
			if (in == null) {
				throw new IllegalArgumentException("no golden vector " + fileName);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static EventEnvelope alerted(long sequence, String occurredAt, String recordedAt, IncidentEvent payload) {
		UUID eventId = UUID.nameUUIDFromBytes((ALERTED_INCIDENT + "/" + sequence).getBytes());
		return new EventEnvelope(eventId, ALERTED_INCIDENT, sequence, Instant.parse(occurredAt),
				Instant.parse(recordedAt), "alertmanager", "alertmanager", payload);
	}

	private static EventEnvelope envelope(long sequence, String occurredAt, String recordedAt, String actor,
			String source, IncidentEvent payload) {
		UUID eventId = UUID.nameUUIDFromBytes((INCIDENT + "/" + sequence).getBytes());
		return new EventEnvelope(eventId, INCIDENT, sequence, Instant.parse(occurredAt), Instant.parse(recordedAt),
				actor, source, payload);
	}

}
