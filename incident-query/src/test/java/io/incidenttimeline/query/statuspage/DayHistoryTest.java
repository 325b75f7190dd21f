package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.incidenttimeline.events.Severity;

import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_2;
import static io.incidenttimeline.events.Severity.SEV_3;
import static org.assertj.core.api.Assertions.assertThat;

class DayHistoryTest {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Test
	void ninetyDaysEndingToday() {
		List<DayHistory.Day> days = DayHistory.of(List.of(), LocalDate.parse("2026-01-01"), NOW);

		assertThat(days).hasSize(90);
		assertThat(days.get(89).date()).isEqualTo(LocalDate.parse("2026-11-21"));
		assertThat(days.get(0).date()).isEqualTo(LocalDate.parse("2026-08-24"));
		assertThat(days).allMatch((day) -> day.status() == ComponentStatus.OPERATIONAL && !day.noData());
	}

	@Test
	void eachDayShowsTheWorstStatusOfThatDay() {
		List<ImpactSpan> spans = List.of(span(SEV_3, "2026-11-19T10:00:00Z", "2026-11-19T11:00:00Z"),
				span(SEV_1, "2026-11-19T10:30:00Z", "2026-11-19T10:40:00Z"),
				span(SEV_2, "2026-11-20T23:00:00Z", "2026-11-21T01:00:00Z"));

		List<DayHistory.Day> days = DayHistory.of(spans, LocalDate.parse("2026-01-01"), NOW);

		assertThat(status(days, "2026-11-18")).isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(status(days, "2026-11-19")).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(status(days, "2026-11-20")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(status(days, "2026-11-21")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
	}

	@Test
	void anOngoingImpactColoursEveryDayUpToToday() {
		List<DayHistory.Day> days = DayHistory.of(List.of(span(SEV_2, "2026-11-20T08:00:00Z", null)),
				LocalDate.parse("2026-01-01"), NOW);

		assertThat(status(days, "2026-11-19")).isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(status(days, "2026-11-20")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(status(days, "2026-11-21")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
	}

	@Test
	void anImpactEndingAtMidnightDoesNotColourTheNextDay() {
		List<DayHistory.Day> days = DayHistory.of(List.of(span(SEV_1, "2026-11-19T22:00:00Z", "2026-11-20T00:00:00Z")),
				LocalDate.parse("2026-01-01"), NOW);

		assertThat(status(days, "2026-11-19")).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(status(days, "2026-11-20")).isEqualTo(ComponentStatus.OPERATIONAL);
	}

	@Test
	void anInstantaneousImpactColoursItsDay() {
		List<DayHistory.Day> days = DayHistory.of(List.of(span(SEV_3, "2026-11-20T09:00:00Z", "2026-11-20T09:00:00Z")),
				LocalDate.parse("2026-01-01"), NOW);

		assertThat(status(days, "2026-11-20")).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
	}

	@Test
	void daysBeforeTheComponentFirstAppearedHaveNoData() {
		List<DayHistory.Day> days = DayHistory.of(List.of(), LocalDate.parse("2026-11-20"), NOW);

		assertThat(day(days, "2026-11-19").noData()).isTrue();
		assertThat(day(days, "2026-11-19").label()).isEqualTo("No data");
		assertThat(day(days, "2026-11-20").noData()).isFalse();
	}

	private static ImpactSpan span(Severity severity, String from, String to) {
		return new ImpactSpan("search", severity, Instant.parse(from), (to != null) ? Instant.parse(to) : null);
	}

	private static ComponentStatus status(List<DayHistory.Day> days, String date) {
		return day(days, date).status();
	}

	private static DayHistory.Day day(List<DayHistory.Day> days, String date) {
		return days.stream().filter((day) -> day.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
	}

}
