package io.incidenttimeline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
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
		vectors.put("01-incident-declared.v2.json",
				envelope(1, "2026-11-20T10:02:00.000000Z", "2026-11-20T10:02:00.123456Z", "alice", "web",
						new IncidentDeclared(INCIDENT, "Checkout returns HTTP 500", Severity.SEV_2,
								List.of("checkout", "payments"), IMPACT, "alice")));
		EventEnvelope acknowledged = envelope(2, "2026-11-20T10:03:10.000001Z", "2026-11-20T10:03:10.500002Z", "bob",
				"pagerduty", new IncidentAcknowledged(INCIDENT));
		vectors.put("02-incident-acknowledged.v1.json",
				new EventEnvelope(acknowledged.eventId(), INCIDENT, 2, acknowledged.occurredAt(),
						acknowledged.recordedAt(), "bob", "Bob Ødegård", "pagerduty", acknowledged.payload()));
		vectors.put("03-severity-changed.v1.json",
				envelope(3, "2026-11-20T10:05:00.000000Z", "2026-11-20T10:05:00.010203Z", "alice", "web",
						new SeverityChanged(INCIDENT, Severity.SEV_2, Severity.SEV_1, "All regions affected")));
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
		vectors.put("alerts-01-incident-declared.v2.json",
				alerted(1, "2026-11-21T08:00:01.500000Z", "2026-11-21T08:00:01.512345Z",
						new IncidentDeclared(ALERTED_INCIDENT, "HighErrorRate: checkout", Severity.SEV_2,
								List.of("checkout"), Instant.parse("2026-11-21T07:58:00.123456Z"), null,
								new OpeningAlert("alertmanager", ALERT_KEY))));
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
		vectors.put("earlier/01-incident-declared.v1.json", all().get("01-incident-declared.v2.json"));
		EventEnvelope alerted = alertStory().get("alerts-01-incident-declared.v2.json");
		IncidentDeclared declared = (IncidentDeclared) alerted.payload();
		vectors.put("earlier/alerts-01-incident-declared.v1.json",
				new EventEnvelope(alerted.eventId(), alerted.incidentId(), alerted.sequence(), alerted.occurredAt(),
						alerted.recordedAt(), alerted.actor(), alerted.source(),
						new IncidentDeclared(declared.incidentId(), declared.title(), declared.severity(),
								declared.services(), declared.impactStartedAt(), declared.commander())));
		return vectors;
	}

	/**
	 * Both stories: every golden vector writers write.
	 */
	public static Map<String, EventEnvelope> every() {
		Map<String, EventEnvelope> vectors = new LinkedHashMap<>(all());
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
