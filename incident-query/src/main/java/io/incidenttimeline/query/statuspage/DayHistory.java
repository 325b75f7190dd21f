package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's last days as UTC calendar days, each coloured by the worst status any
 * incident gave the component during that day. Days before the component was first named
 * by an incident have no data.
 */
final class DayHistory {

	static final int DAYS = 90;

	private DayHistory() {
	}

	static List<Day> of(List<ImpactSpan> spans, LocalDate firstDay, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Day> days = new ArrayList<>(DAYS);
		for (LocalDate date = today.minusDays(DAYS - 1); !date.isAfter(today); date = date.plusDays(1)) {
			Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			ComponentStatus worst = ComponentStatus.OPERATIONAL;
			for (ImpactSpan span : spans) {
				ComponentStatus status = ComponentStatus.of(span.severity());
				if (span.touches(start, end, now) && status.compareTo(worst) > 0) {
					worst = status;
				}
			}
			days.add(new Day(date, worst, firstDay == null || date.isBefore(firstDay)));
		}
		return days;
	}

	record Day(LocalDate date, ComponentStatus status, boolean noData) {

		String label() {
			return this.noData ? "No data" : this.status.label();
		}

	}

}
