package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.DetectionMethod;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.KeyMoment;
import io.incidenttimeline.events.KeyMomentCorrected;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import io.incidenttimeline.query.metrics.MttxCalculator.Figure;
import io.incidenttimeline.query.metrics.MttxCalculator.Interval;
import io.incidenttimeline.query.metrics.MttxCalculator.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class MttxCalculatorTest {

	@Test
	void figuresOfTheScriptedIncidentsMatchTheHandComputedValues() {
		List<Figure> figures = MttxCalculator.figures(ScriptedIncidents.moments());

		assertThat(figures).containsExactly(
				new Figure("mttd", Mttx.MTTD.definition(), 5, 0, 0,
						Map.of("impactStarted", Map.of("declared", 5L), "detected",
								Map.of("alert", 1L, "declaration", 4L)),
						300.0, 1560.0, 1776.0, 720.0),
				new Figure("mtta", Mttx.MTTA.definition(), 4, 1, 0,
						Map.of("detected", Map.of("alert", 1L, "declaration", 3L), "acknowledged",
								Map.of("responder", 4L)),
						120.0, 246.0, 294.6, 165.0),
				new Figure("mttm", Mttx.MTTM.definition(), 4, 1, 0,
						Map.of("impactStarted", Map.of("declared", 4L), "mitigated",
								Map.of("monitoring", 3L, "resolution", 1L)),
						2700.0, 3600.0, 3600.0, 2700.0),
				new Figure("mttr", Mttx.MTTR.definition(), 4, 1, 0,
						Map.of("impactStarted", Map.of("declared", 4L), "resolved", Map.of("resolution", 4L)), 4500.0,
						9180.0, 10638.0, 5850.0),
				new Figure("declaredToResolved", Mttx.DECLARED_TO_RESOLVED.definition(), 4, 1, 0,
						Map.of("declared", Map.of("declaration", 4L), "resolved", Map.of("resolution", 4L)), 3300.0,
						8430.0, 10293.0, 4875.0));
	}

	/**
	 * F: impact 10:00 as declared, detection stated 10:02 (a user report), an alert at
	 * 10:04, declared 10:10, acknowledged in PagerDuty 10:12 and here 10:15, monitoring
	 * 10:40, resolved 11:00. MTTD 120 (stated), MTTA 600 (sender), MTTM 2400, MTTR 3600.
	 * The review corrects the impact start to 09:55: MTTD 420, MTTM 2700, MTTR 3900; then
	 * the detection to 09:58: MTTD 180, MTTA 840.
	 */
	@Test
	void statedDetectionSenderAcknowledgementsAndCorrectionsGiveTheHandComputedFigures() {
		IncidentStory f = new IncidentStory();
		f.at("2026-11-18T10:10:00Z")
			.next(new IncidentDeclared(f.incident(), "Incident F", Severity.SEV_2, List.of("checkout"),
					Instant.parse("2026-11-18T10:00:00Z"), "erin", null, Instant.parse("2026-11-18T10:02:00Z"),
					DetectionMethod.USER_REPORT));
		f.at("2026-11-18T10:04:00Z").alertTriggered("pagerduty", "dk-F", "checkout errors");
		f.at("2026-11-18T10:12:00Z").by("pagerduty").alertAcknowledged("pagerduty", "dk-F");
		f.at("2026-11-18T10:15:00Z").acknowledged();
		f.at("2026-11-18T10:40:00Z").status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING);
		f.at("2026-11-18T11:00:00Z").resolved(null);
		IncidentMoments asStated = ScriptedIncidents.moments(f);
		f.at("2026-11-20T09:00:00Z")
			.next(new KeyMomentCorrected(f.incident(), KeyMoment.IMPACT_STARTED, Instant.parse("2026-11-18T09:55:00Z"),
					"Logs show errors from 09:55"));
		IncidentMoments impactCorrected = ScriptedIncidents.moments(f);
		f.at("2026-11-20T09:05:00Z")
			.next(new KeyMomentCorrected(f.incident(), KeyMoment.DETECTED, Instant.parse("2026-11-18T09:58:00Z"),
					"A synthetic check failed at 09:58"));
		IncidentMoments detectionCorrected = ScriptedIncidents.moments(f);

		assertThat(seconds(asStated)).containsExactly(120.0, 600.0, 2400.0, 3600.0, 3000.0);
		assertThat(asStated)
			.extracting(IncidentMoments::detectedBy, IncidentMoments::acknowledgedBy, IncidentMoments::impactStartedBy)
			.containsExactly("stated", "sender", "declared");
		assertThat(seconds(impactCorrected)).containsExactly(420.0, 600.0, 2700.0, 3900.0, 3000.0);
		assertThat(impactCorrected.impactStartedBy()).isEqualTo("corrected");
		assertThat(impactCorrected.impactStartedAtAsDeclared()).isEqualTo("2026-11-18T10:00:00Z");
		assertThat(seconds(detectionCorrected)).containsExactly(180.0, 840.0, 2700.0, 3900.0, 3000.0);
		assertThat(detectionCorrected.detectedBy()).isEqualTo("corrected");
		assertThat(MttxCalculator.figure(Mttx.MTTA, List.of(detectionCorrected, asStated)).kinds())
			.isEqualTo(Map.of("detected", Map.of("corrected", 1L, "stated", 1L), "acknowledged", Map.of("sender", 2L)));
	}

	@Test
	void aResponderAcknowledgingBeforeTheSenderCountsAsResponderAndAResolutionCorrectionEndsWithAReopening() {
		IncidentStory g = new IncidentStory();
		g.at("2026-11-18T10:00:00Z").declared();
		g.at("2026-11-18T10:01:00Z").acknowledged();
		g.at("2026-11-18T10:02:00Z").alertAcknowledged("pagerduty", "dk-G");
		g.at("2026-11-18T11:00:00Z").resolved(null);
		g.at("2026-11-18T12:00:00Z")
			.next(new KeyMomentCorrected(g.incident(), KeyMoment.RESOLVED, Instant.parse("2026-11-18T10:50:00Z"),
					"Traffic was back at 10:50"));
		IncidentMoments corrected = ScriptedIncidents.moments(g);
		g.at("2026-11-18T13:00:00Z").reopened("errors are back");
		IncidentMoments reopened = ScriptedIncidents.moments(g);

		assertThat(corrected.acknowledgedBy()).isEqualTo("responder");
		assertThat(corrected.resolvedAt()).isEqualTo("2026-11-18T10:50:00Z");
		assertThat(corrected.resolvedBy()).isEqualTo("corrected");
		assertThat(reopened.resolvedAt()).isNull();
	}

	private static List<Double> seconds(IncidentMoments moments) {
		return Arrays.stream(Mttx.values())
			.map((metric) -> metric.micros(moments).orElseThrow() / 1_000_000.0)
			.toList();
	}

	@Test
	void noIncidentsGiveCountsWithoutStatistics() {
		assertThat(MttxCalculator.figures(List.of()))
			.allSatisfy((figure) -> assertThat(figure).extracting(Figure::count, Figure::missing, Figure::medianSeconds)
				.containsExactly(0L, 0L, null));
	}

	@Test
	void percentilesInterpolateBetweenRanksLikePercentileCont() {
		long[] sorted = { 10, 20, 30, 40 };

		assertThat(MttxCalculator.percentile(sorted, 0.5)).isEqualTo(25.0);
		assertThat(MttxCalculator.percentile(sorted, 0.9)).isEqualTo(37.0);
		assertThat(MttxCalculator.percentile(new long[] { 7 }, 0.99)).isEqualTo(7.0);
	}

	@Test
	void aFigureIsTheSameWhateverTheOrderOfIncidents() {
		List<IncidentMoments> reversed = new ArrayList<>(ScriptedIncidents.moments());
		Collections.reverse(reversed);

		assertThat(MttxCalculator.figures(reversed)).isEqualTo(MttxCalculator.figures(ScriptedIncidents.moments()));
	}

	@Test
	void seriesGroupsByWeekStartingMondayOrByMonthOfImpactStart() {
		List<Period> weeks = MttxCalculator.series(ScriptedIncidents.moments(), Interval.WEEK);
		List<Period> months = MttxCalculator.series(ScriptedIncidents.moments(), Interval.MONTH);

		assertThat(weeks).extracting(Period::start, Period::incidents)
			.containsExactly(tuple(Instant.parse("2026-10-26T00:00:00Z"), 1L),
					tuple(Instant.parse("2026-11-09T00:00:00Z"), 1L), tuple(Instant.parse("2026-11-16T00:00:00Z"), 3L));
		assertThat(weeks.get(2).figures().get(3))
			.extracting(Figure::metric, Figure::count, Figure::missing, Figure::medianSeconds)
			.containsExactly("mttr", 2L, 1L, 3600.0);
		assertThat(months).extracting(Period::start, Period::incidents)
			.containsExactly(tuple(Instant.parse("2026-10-01T00:00:00Z"), 1L),
					tuple(Instant.parse("2026-11-01T00:00:00Z"), 4L));
	}

	@Test
	void detectionIsTheFirstAlertOnlyWhenItCameNoLaterThanTheDeclaration() {
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.A).detectedBy()).isEqualTo("alert");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.A).detectedAt()).isEqualTo("2026-11-17T10:04:00Z");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.C).detectedBy()).isEqualTo("declaration");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.C).detectedAt()).isEqualTo("2026-11-10T09:05:00Z");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.B).detectedBy()).isEqualTo("declaration");
	}

	@Test
	void mitigationIsTheFirstMoveToMonitoringOrTheFirstResolutionButNeverAMitigationAttempt() {
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.A).mitigatedBy()).isEqualTo("monitoring");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.B).mitigatedBy()).isEqualTo("resolution");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.D).firstMitigationAppliedAt())
			.isEqualTo("2026-11-17T14:10:00Z");
		assertThat(ScriptedIncidents.moments(ScriptedIncidents.D).mitigatedAt()).isNull();
	}

	@Test
	void aReopenedIncidentIsOpenUntilResolvedAgainAndCountsItsReopenings() {
		List<EventEnvelope> events = ScriptedIncidents.C.events();
		IncidentMoments resolvedAgain = ScriptedIncidents.moments(ScriptedIncidents.C);
		IncidentMoments beforeSecondResolution = IncidentMoments.EVENTS.fold(events.subList(0, events.size() - 1))
			.orElseThrow();

		assertThat(beforeSecondResolution.resolvedAt()).isNull();
		assertThat(beforeSecondResolution.reopenedCount()).isEqualTo(1);
		assertThat(resolvedAgain.resolvedAt()).isEqualTo("2026-11-10T12:00:00Z");
		assertThat(resolvedAgain.firstResolvedAt()).isEqualTo("2026-11-10T10:00:00Z");
	}

	@Test
	void theHighestSeverityReachedIsKeptAfterADowngrade() {
		IncidentStory story = ScriptedIncidents.a();
		IncidentMoments a = ScriptedIncidents.moments(story);
		IncidentMoments downgraded = IncidentMoments.EVENTS.apply(a,
				story.at("2026-11-17T12:00:00Z").severity(Severity.SEV_1, Severity.SEV_3, null));

		assertThat(a.highestSeverity()).isEqualTo(Severity.SEV_1);
		assertThat(downgraded.highestSeverity()).isEqualTo(Severity.SEV_1);
	}

	@Test
	void durationsOfCenturiesAndMoreGiveFiguresInsteadOfOverflowing() {
		IncidentStory ledger = new IncidentStory();
		ledger.declared((declaration) -> declaration.impactStartedAt("0226-11-23T09:58:30Z"));
		EventEnvelope resolution = ledger.resolved(null);
		IncidentStory forever = IncidentStory.startingAt(Instant.parse("+999999999-01-01T00:00:00Z"));
		forever.declared((declaration) -> declaration.impactStartedAt(Instant.parse("-999999999-01-01T00:00:00Z")));
		forever.resolved(null);
		IncidentMoments since226 = IncidentMoments.EVENTS.fold(ledger.events()).orElseThrow();
		IncidentMoments sinceEver = IncidentMoments.EVENTS.fold(forever.events()).orElseThrow();
		double centuries = Duration.between(Instant.parse("0226-11-23T09:58:30Z"), resolution.occurredAt()).toSeconds();

		Figure one = MttxCalculator.figure(Mttx.MTTR, List.of(since226));
		Figure both = MttxCalculator.figure(Mttx.MTTR, List.of(since226, sinceEver, sinceEver));

		assertThat(one.count()).isEqualTo(1);
		assertThat(one.medianSeconds()).isCloseTo(centuries, within(1.0)).isEqualTo(one.meanSeconds());
		assertThat(both.count()).isEqualTo(3);
		assertThat(both.medianSeconds()).as("saturated at Long.MAX_VALUE microseconds")
			.isEqualTo(Long.MAX_VALUE / 1_000_000.0, within(1.0));
		assertThat(both.meanSeconds()).isPositive().isFinite().isGreaterThan(centuries);
		assertThat(both.p99Seconds()).isEqualTo(both.medianSeconds());
	}

	@Test
	void aFigureWhoseEndPrecedesItsStartCountsAsMissingAndInconsistentWithoutAValue() {
		IncidentStory story = new IncidentStory();
		EventEnvelope declared = story.declared();
		story.at(declared.occurredAt().minus(Duration.ofMinutes(5))).acknowledged();
		story.at(declared.occurredAt().plus(Duration.ofMinutes(30))).resolved(null);
		IncidentMoments outOfOrder = IncidentMoments.EVENTS.fold(story.events()).orElseThrow();

		Figure mtta = MttxCalculator.figure(Mttx.MTTA,
				List.of(outOfOrder, ScriptedIncidents.moments(ScriptedIncidents.A)));
		Figure mttr = MttxCalculator.figure(Mttx.MTTR, List.of(outOfOrder));

		assertThat(mtta).extracting(Figure::count, Figure::missing, Figure::inconsistent, Figure::medianSeconds)
			.containsExactly(1L, 1L, 1L, 120.0);
		assertThat(Mttx.MTTA.micros(outOfOrder)).isEmpty();
		assertThat(Mttx.MTTA.isInconsistent(outOfOrder)).isTrue();
		assertThat(Mttx.MTTA.definition()).contains("counts as missing and as inconsistent",
				"not observed in the Prometheus histogram");
		assertThat(mttr).extracting(Figure::count, Figure::missing, Figure::inconsistent).containsExactly(1L, 0L, 0L);
	}

}
