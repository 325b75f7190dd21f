package io.incidenttimeline.query.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.RoleAssigned;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Visibility;
import io.incidenttimeline.query.consuming.StoredEvent;
import io.incidenttimeline.query.metrics.KeyMoments;
import io.incidenttimeline.query.timeline.TimelineLine;

/**
 * What {@code GET /api/incidents/{id}/postmortem} answers and the Markdown document
 * shows: the stored {@link Postmortem}, the incident's key moments and MTTx as MTTx
 * defines them ({@link KeyMoments}, corrections win), and the key lines of its timeline.
 * Made from events only, so the same events give the same document; only {@code overdue}
 * of an action item depends on the day it is asked.
 */
record PostmortemDocument(UUID incidentId, String title, String status, boolean revisedAfterPublication, Header header,
		List<Line> timeline, List<SectionText> sections, List<String> missingSections, List<Item> actionItems,
		List<Postmortem.Participant> participants, Postmortem.Review review, Instant publishedAt) {

	/**
	 * The event types a postmortem's timeline shows (public updates only).
	 */
	private static final Set<String> KEY_TYPES = Set.of("AlertTriggered", "IncidentDeclared", "IncidentAcknowledged",
			"AlertAcknowledged", "SeverityChanged", "StatusChanged", "MitigationApplied", "StatusUpdatePosted",
			"IncidentResolved", "IncidentReopened", "KeyMomentCorrected", "RoleAssigned");

	static PostmortemDocument of(Postmortem postmortem, KeyMoments moments, List<StoredEvent> events, LocalDate today) {
		Header header = header(postmortem, moments);
		List<SectionText> sections = Arrays.stream(PostmortemSection.values())
			.map((section) -> postmortem.sections()
				.stream()
				.filter((written) -> written.section() == section)
				.findFirst()
				.map((written) -> new SectionText(label(section), title(section), written.text(), written.revisions(),
						written.lastRevisedBy(), written.lastRevisedAt()))
				.orElse(new SectionText(label(section), title(section), null, 0, null, null)))
			.toList();
		List<String> missing = sections.stream()
			.filter((section) -> section.text() == null)
			.map(SectionText::section)
			.toList();
		List<Item> items = postmortem.actionItems()
			.stream()
			.map((item) -> new Item(item.id(), item.title(), item.owner(), item.dueDate(),
					item.type().name().toLowerCase(Locale.ROOT), item.priority().name(), item.link(), item.status(),
					item.note(), item.closedAt(), item.isOverdue(today)))
			.toList();
		return new PostmortemDocument(postmortem.incidentId(), postmortem.title(), postmortem.status(),
				postmortem.revisedAfterPublication(), header, timeline(moments, events), sections, missing, items,
				postmortem.participants(), postmortem.review(), postmortem.publishedAt());
	}

	private static Header header(Postmortem postmortem, KeyMoments moments) {
		Instant start = moments.impactStartedAt();
		Instant end = moments.resolvedAt();
		Long minutes = (start != null && end != null && !end.isBefore(start)) ? Duration.between(start, end).toMinutes()
				: null;
		return new Header(postmortem.incidentId(), postmortem.title(), postmortem.severityReached().label(),
				postmortem.severityDeclared().label(), postmortem.services(), start, moments.impactStartedBy(), end,
				minutes, moments.detectedAt(), moments.detectedBy(),
				(postmortem.detectionMethod() != null)
						? postmortem.detectionMethod().name().toLowerCase(Locale.ROOT) : null,
				postmortem.declaredAt(), postmortem.commander(),
				new Figure(moments.mttdSeconds(),
						kinds("impactStarted", moments.impactStartedBy(), "detected", moments.detectedBy())),
				new Figure(moments.mttaSeconds(),
						kinds("detected", moments.detectedBy(), "acknowledged", moments.acknowledgedBy())),
				new Figure(moments.mttmSeconds(),
						kinds("impactStarted", moments.impactStartedBy(), "mitigated", moments.mitigatedBy())),
				new Figure(moments.mttrSeconds(),
						kinds("impactStarted", moments.impactStartedBy(), "resolved", moments.resolvedBy())));
	}

	/**
	 * Impact started and detected (moments, not events: no one recorded them as such),
	 * then the key events, as things happened.
	 */
	private static List<Line> timeline(KeyMoments moments, List<StoredEvent> events) {
		Map<Long, EventEnvelope> envelopes = new LinkedHashMap<>();
		events.stream()
			.filter(StoredEvent::known)
			.forEach((stored) -> envelopes.put(stored.sequence(), stored.envelope()));
		List<Line> lines = new ArrayList<>();
		if (moments.impactStartedAt() != null) {
			lines.add(new Line(0, moments.impactStartedAt(), null, null, "ImpactStarted",
					"Impact started" + ("corrected".equals(moments.impactStartedBy()) ? " (corrected)" : "")));
		}
		if (moments.detectedAt() != null) {
			lines.add(new Line(0, moments.detectedAt(), null, null, "Detected",
					"Detected (" + moments.detectedBy() + ")"));
		}
		for (TimelineLine line : TimelineLine.of(events)) {
			EventEnvelope envelope = envelopes.get(line.sequence());
			if (envelope != null && isKey(envelope)) {
				lines.add(new Line(line.sequence(), line.occurredAt(), line.recordedAt(), line.shownActor(),
						line.type(), line.summary()));
			}
		}
		lines.sort(Comparator.comparing(Line::occurredAt).thenComparingLong(Line::sequence));
		return lines;
	}

	private static boolean isKey(EventEnvelope envelope) {
		if (!KEY_TYPES.contains(envelope.type().name())) {
			return false;
		}
		if (envelope.payload() instanceof StatusUpdatePosted posted) {
			return posted.visibility() == Visibility.PUBLIC;
		}
		if (envelope.payload() instanceof RoleAssigned assigned) {
			return assigned.role() == Role.INCIDENT_COMMANDER;
		}
		return true;
	}

	private static Map<String, String> kinds(String start, String startKind, String end, String endKind) {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put(start, startKind);
		kinds.put(end, endKind);
		return kinds;
	}

	static String label(PostmortemSection section) {
		return section.name().toLowerCase(Locale.ROOT);
	}

	static String title(PostmortemSection section) {
		String words = label(section).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * The header: impact from start to end (both as MTTx has them, corrections win; end =
	 * the resolution), how it was detected, who commanded, and the four figures.
	 */
	record Header(UUID incidentId, String title, String severityReached, String severityDeclared, List<String> services,
			Instant impactStartedAt, String impactStartedBy, Instant impactEndedAt, Long durationMinutes,
			Instant detectedAt, String detectedBy, String detectionMethod, Instant declaredAt, String commander,
			Figure mttd, Figure mtta, Figure mttm, Figure mttr) {
	}

	/**
	 * One MTTx figure of this incident in seconds (null when a moment is missing) and the
	 * kind of fact each of its moments came from.
	 */
	record Figure(Double seconds, Map<String, String> kinds) {
	}

	/**
	 * A timeline line; {@code sequence} 0, {@code recordedAt} and {@code actor} null for
	 * the moments impact started and detected.
	 */
	record Line(long sequence, Instant occurredAt, Instant recordedAt, String actor, String type, String line) {
	}

	/**
	 * A section: its key, its heading, the current text (null: not written yet).
	 */
	record SectionText(String section, String title, String text, int revisions, String lastRevisedBy,
			Instant lastRevisedAt) {
	}

	record Item(UUID id, String title, String owner, LocalDate dueDate, String type, String priority, String link,
			String status, String note, Instant closedAt, boolean overdue) {
	}

}
