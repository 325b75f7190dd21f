package io.incidenttimeline.local;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark mode with {@code --quick} against the shared local system: each mode
 * checks its own counts exactly and fails on a lost event or an error answer; here the
 * tables must show plausible figures. Speed is not asserted (the benchmark's figures are
 * for people to read), only that something was measured.
 */
class BenchmarkIT {

	private final LocalSystem system = SharedSystem.get();

	@Test
	void everyModeRunsQuicklyAndReportsPlausibleFigures() throws Exception {
		List<Table> tables = Benchmark.run(this.system, System.out, "--quick");

		assertThat(tables).extracting(Table::title)
			.satisfiesExactly((title) -> assertThat(title).startsWith("throughput"),
					(title) -> assertThat(title).startsWith("latency"),
					(title) -> assertThat(title).startsWith("alert-storm"),
					(title) -> assertThat(title).startsWith("reads at 500 events"),
					(title) -> assertThat(title).startsWith("reads at 2000 events"),
					(title) -> assertThat(title).startsWith("reads: flatness"),
					(title) -> assertThat(title).startsWith("rebuild"));
		Table throughput = tables.get(0);
		positive(throughput.row("commands/s accepted"));
		positive(throughput.row("events/s visible on the query side"));
		positive(throughput.row("command->visible p99 (ms)"));

		Table latency = tables.get(1);
		assertThat(latency.row("10/s: achieved commands/s").ours()).isBetween(3.0, 12.0);
		assertThat(latency.row("10/s: achieved commands/s").baseline()).isBetween(3.0, 12.0);
		positive(latency.row("10/s: intended->visible p50 (ms)"));
		assertThat(latency.row("10/s: intended->visible max (ms)").ours())
			.isGreaterThanOrEqualTo(latency.row("10/s: intended->visible p99 (ms)").ours());
		// the split is measured for every command: publisher's part and query side's part
		assertThat(latency.row("10/s: recorded->in Kafka p50 (ms)").ours()).isPositive();
		assertThat(latency.row("10/s: in Kafka->visible p99 (ms)").ours()).isFinite();
		assertThat(latency.row("10/s: recorded->in Kafka p99 (ms)").ours())
			.isLessThanOrEqualTo(latency.row("10/s: intended->visible max (ms)").ours());

		Table storm = tables.get(2);
		assertThat(storm.row("receipts stored (exact)")).extracting(Table.Row::ours, Table.Row::baseline)
			.containsExactly(200.0, 200.0);
		assertThat(storm.row("incidents (exact)")).extracting(Table.Row::ours, Table.Row::baseline)
			.containsExactly(10.0, 10.0);
		assertThat(storm.row("events visible (exact)")).extracting(Table.Row::ours, Table.Row::baseline)
			.containsExactly(210.0, 210.0);
		positive(storm.row("alerts/s visible"));

		for (Table reads : tables.subList(3, 5)) {
			for (String endpoint : List.of("GET /api/v2/summary.json", "GET /status", "GET /api/incidents",
					"GET /api/incidents/{id}/timeline", "GET /api/metrics/mttx (90 days)")) {
				positive(reads.row(endpoint + " p50 (ms)"));
				positive(reads.row(endpoint + " p99 (ms)"));
				positive(reads.row(endpoint + " calls"));
			}
		}
		assertThat(tables.get(5).rows()).hasSize(10).allSatisfy(BenchmarkIT::positive);

		Table rebuild = tables.get(6);
		assertThat(rebuild.rows()).extracting(Table.Row::figure)
			.contains("incidents: events/s", "status-page: events/s", "mttx: events/s",
					"all projections: events/s (sum)");
		assertThat(rebuild.rows()).allSatisfy(BenchmarkIT::positive);
	}

	private static void positive(Table.Row row) {
		assertThat(row.ours()).as(row.figure()).isPositive();
		assertThat(row.baseline()).as(row.figure() + " (baseline)").isPositive();
	}

}
