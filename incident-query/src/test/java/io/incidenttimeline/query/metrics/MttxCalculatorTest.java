package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import io.incidenttimeline.query.metrics.MttxCalculator.Figure;
import io.incidenttimeline.query.metrics.MttxCalculator.Interval;
import io.incidenttimeline.query.metrics.MttxCalculator.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MttxCalculatorTest {

	@Test
	void figuresOfTheScriptedIncidentsMatchTheHandComputedValues() {
		List<Figure> figures = MttxCalculator.figures(ScriptedIncidents.moments());

		assertThat(figures).containsExactly(
				new Figure("mttd", Mttx.MTTD.definition(), 5, 0, 300.0, 1560.0, 1776.0, 720.0),
				new Figure("mtta", Mttx.MTTA.definition(), 4, 1, 120.0, 246.0, 294.6, 165.0),
				new Figure("mttm", Mttx.MTTM.definition(), 4, 1, 2700.0, 3600.0, 3600.0, 2700.0),
				new Figure("mttr", Mttx.MTTR.definition(), 4, 1, 4500.0, 9180.0, 10638.0, 5850.0),
				new Figure("declaredToResolved", Mttx.DECLARED_TO_RESOLVED.definition(), 4, 1, 3300.0, 8430.0, 10293.0,
						4875.0));
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

}
