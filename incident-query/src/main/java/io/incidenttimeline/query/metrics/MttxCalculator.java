package io.incidenttimeline.query.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Computes the figures from incident moments, deterministically: values in microseconds,
 * sorted before use; percentiles interpolate linearly between the closest ranks, as
 * PostgreSQL's {@code percentile_cont} does. Medians and high percentiles come first
 * because these durations are heavy-tailed and a mean alone misleads. Nothing overflows:
 * a value saturates at some 292,000 years ({@link Mttx#micros}), sums and differences are
 * taken in floating point, exact for any sum below 285 years.
 */
final class MttxCalculator {

	private MttxCalculator() {
	}

	static List<Figure> figures(List<IncidentMoments> incidents) {
		return Arrays.stream(Mttx.values()).map((metric) -> figure(metric, incidents)).toList();
	}

	static Figure figure(Mttx metric, List<IncidentMoments> incidents) {
		List<Long> micros = new ArrayList<>();
		long missing = 0;
		long inconsistent = 0;
		Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();
		for (IncidentMoments incident : incidents) {
			OptionalLong value = metric.micros(incident);
			if (value.isPresent()) {
				micros.add(value.getAsLong());
				metric.kinds(incident)
					.forEach((moment, kind) -> kinds.computeIfAbsent(moment, (key) -> new TreeMap<>())
						.merge(kind, 1L, Long::sum));
			}
			else {
				missing++;
				inconsistent += metric.isInconsistent(incident) ? 1 : 0;
			}
		}
		long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		if (sorted.length == 0) {
			return new Figure(metric.key(), metric.definition(), 0, missing, inconsistent, kinds, null, null, null,
					null);
		}
		double sum = 0;
		for (long value : sorted) {
			sum += value;
		}
		return new Figure(metric.key(), metric.definition(), sorted.length, missing, inconsistent, kinds,
				seconds(percentile(sorted, 0.5)), seconds(percentile(sorted, 0.9)), seconds(percentile(sorted, 0.99)),
				seconds(sum / sorted.length));
	}

	/**
	 * Figures per period of impact start (UTC): weeks start on Monday, months on the 1st.
	 */
	static List<Period> series(List<IncidentMoments> incidents, Interval interval) {
		Map<LocalDate, List<IncidentMoments>> byPeriod = new TreeMap<>();
		for (IncidentMoments incident : incidents) {
			byPeriod.computeIfAbsent(interval.start(incident.impactStartedAt()), (key) -> new ArrayList<>())
				.add(incident);
		}
		return byPeriod.entrySet()
			.stream()
			.map((period) -> new Period(period.getKey().atStartOfDay(ZoneOffset.UTC).toInstant(),
					period.getValue().size(), figures(period.getValue())))
			.toList();
	}

	static double percentile(long[] sorted, double fraction) {
		double rank = fraction * (sorted.length - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return sorted[lower] + (rank - lower) * ((double) sorted[upper] - sorted[lower]);
	}

	/**
	 * Rounded to the microsecond so the same inputs always print the same number.
	 */
	private static Double seconds(double micros) {
		return Math.round(micros) / 1_000_000.0;
	}

	enum Interval {

		WEEK, MONTH;

		LocalDate start(Instant instant) {
			LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
			return (this == WEEK) ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
					: day.withDayOfMonth(1);
		}

		static Optional<Interval> parse(String text) {
			return Arrays.stream(values()).filter((value) -> value.name().equalsIgnoreCase(text)).findFirst();
		}

	}

	/**
	 * One figure in seconds; the statistics are null when no incident had a value.
	 * {@code count} incidents had one, {@code missing} did not, {@code inconsistent} of
	 * those because their end moment precedes their start. {@code kinds}: for each of the
	 * figure's two moments, how many of the {@code count} incidents took it from which
	 * kind of fact, e.g. {@code {"detected": {"alert": 2, "stated": 1}}}.
	 */
	record Figure(String metric, String definition, long count, long missing, long inconsistent,
			Map<String, Map<String, Long>> kinds, Double medianSeconds, Double p90Seconds, Double p99Seconds,
			Double meanSeconds) {
	}

	record Period(Instant start, long incidents, List<Figure> figures) {
	}

}
