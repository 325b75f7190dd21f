package io.incidenttimeline.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a benchmark mode measured: one row per figure, ours beside the raw baseline's
 * measured in the same run, and their ratio. Returned to the caller (main prints it, the
 * tests assert on it).
 *
 * @param title what was measured
 * @param columns the headers of the two value columns and of the ratio
 * @param rows the figures
 * @param notes lines printed under the table
 * @param failures why the mode failed, though it measured to the end (e.g. error answers
 * under an open-loop rate the system cannot take): the benchmark fails after printing the
 * table
 */
public record Table(String title, List<String> columns, List<Row> rows, List<String> notes, List<String> failures) {

	static final List<String> OURS_VS_BASELINE = List.of("incident-timeline", "raw baseline", "ratio");

	Table(String title) {
		this(title, OURS_VS_BASELINE);
	}

	Table(String title, List<String> columns) {
		this(title, columns, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
	}

	Table row(String figure, double ours, double baseline) {
		this.rows.add(new Row(figure, ours, baseline));
		return this;
	}

	Table failure(String failure) {
		this.failures.add(failure);
		return this;
	}

	Table note(String note) {
		this.notes.add(note);
		return this;
	}

	/**
	 * @throws NoSuchElementException when the table has no such figure
	 */
	public Row row(String figure) {
		return this.rows.stream()
			.filter((row) -> row.figure().equals(figure))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no row '" + figure + "' in " + this.title));
	}

	void print(PrintStream out) {
		int width = Math.max(36, this.rows.stream().mapToInt((row) -> row.figure().length()).max().orElse(0) + 1);
		out.println();
		out.println(this.title);
		out.printf("%-" + width + "s %17s %14s %8s%n", "", this.columns.get(0), this.columns.get(1),
				this.columns.get(2));
		for (Row row : this.rows) {
			out.printf("%-" + width + "s %17s %14s %8s%n", row.figure(), number(row.ours()), number(row.baseline()),
					Double.isFinite(row.ratio()) ? String.format("%.2f", row.ratio()) : "-");
		}
		this.notes.forEach(out::println);
		this.failures.forEach((failure) -> out.println("FAILED: " + failure));
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return (Math.abs(value) >= 100) ? String.format("%.0f", value) : String.format("%.1f", value);
	}

	/**
	 * One figure: ours, the baseline's (or the second column's), ours / baseline.
	 */
	public record Row(String figure, double ours, double baseline) {

		public double ratio() {
			return this.ours / this.baseline;
		}

	}

}
