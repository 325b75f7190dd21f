package io.incidenttimeline.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy/local/benchmark.sh [--mode=throughput|latency|alert-storm|reads|rebuild|all]
 * [--quick] [mode options]}: starts a fresh local system, runs the modes (default
 * {@code all}, in that order: rebuild last, on everything the others left) and prints one
 * table per mode: each figure of the system beside a raw baseline doing the same durable
 * work by hand on the same PostgreSQL and Kafka in the same run, and their ratio. Each
 * mode keeps its own data (its own incidents, alerts, baseline database and topic). A
 * mode fails (exception, exit status 1) when an event goes missing, a count is not exact,
 * or the system answers an error. {@code --quick} runs every mode with tiny numbers (the
 * test suite's BenchmarkIT).
 * <p>
 * Modes and their options: {@link ThroughputMode}, {@link LatencyMode},
 * {@link AlertStormMode}, {@link ReadsMode}, {@link RebuildMode}.
 * {@code --jvm-options=...} (or the environment's {@code SERVICE_JAVA_OPTIONS}) passes
 * JVM options to both services, e.g. a flight recording: see {@link LocalSystem}. Not
 * part of the test suite.
 */
public final class Benchmark {

	static final List<String> MODES = List.of("throughput", "latency", "alert-storm", "reads", "rebuild");

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		List<String> jvmOptions = LocalSystem.javaOptions(options.string("jvm-options", "", ""));
		Modes modes = Modes.of(options);
		Path root = Path.of(System.getenv().getOrDefault("REPOSITORY_ROOT", ".")).toAbsolutePath().normalize();
		Path data = Files.createTempDirectory("incident-benchmark-");
		System.out.printf("Benchmark %s%s; starting a fresh local system in %s%n", String.join(", ", modes.names()),
				options.quick() ? " (quick)" : "", data);
		int status = 0;
		try (LocalSystem system = new LocalSystem(LocalSystem.Settings.freePorts(data, root))
			.withServiceJavaOptions(jvmOptions)
			.start()) {
			modes.run(system, System.out);
		}
		catch (Exception | AssertionError ex) {
			System.out.println();
			System.out.println("BENCHMARK FAILED: " + ex);
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/**
	 * Runs the modes the options name against a running system; prints each table as soon
	 * as its mode finished and returns them all.
	 */
	public static List<Table> run(LocalSystem system, PrintStream out, String... args) throws Exception {
		return Modes.of(Options.parse(args)).run(system, out);
	}

	/**
	 * The modes to run, each built from the options before anything starts, so that a
	 * wrong option fails at once.
	 */
	private record Modes(List<String> names, Options options, ThroughputMode throughput, LatencyMode latency,
			AlertStormMode storm, ReadsMode reads, RebuildMode rebuild) {

		static Modes of(Options options) {
			String mode = options.string("mode", "all", "all");
			List<String> names = mode.equals("all") ? MODES : List.of(mode.split(","));
			for (String name : names) {
				if (!MODES.contains(name)) {
					throw new IllegalArgumentException("--mode must be one of " + MODES + " or all, not " + name);
				}
			}
			Modes modes = new Modes(names, options, names.contains("throughput") ? new ThroughputMode(options) : null,
					names.contains("latency") ? new LatencyMode(options) : null,
					names.contains("alert-storm") ? new AlertStormMode(options) : null,
					names.contains("reads") ? new ReadsMode(options) : null,
					names.contains("rebuild") ? new RebuildMode(options, !names.contains("reads")) : null);
			options.requireAllUsed();
			return modes;
		}

		List<Table> run(LocalSystem system, PrintStream out) throws Exception {
			List<Table> tables = new ArrayList<>();
			if (this.throughput != null) {
				print(tables, out, List.of(this.throughput.run(system, out)));
			}
			if (this.latency != null) {
				print(tables, out, List.of(this.latency.run(system, out)));
			}
			if (this.storm != null) {
				print(tables, out, List.of(this.storm.run(system, out)));
			}
			if (this.reads != null) {
				print(tables, out, this.reads.run(system, out));
			}
			if (this.rebuild != null) {
				print(tables, out, List.of(this.rebuild.run(system, out)));
			}
			if (tables.size() > 1) {
				out.println();
				out.println("=== all tables ===");
				tables.forEach((table) -> table.print(out));
			}
			List<String> failures = tables.stream().flatMap((table) -> table.failures().stream()).toList();
			if (!failures.isEmpty()) {
				throw new IllegalStateException("the benchmark failed: " + String.join("; ", failures));
			}
			return tables;
		}

		private static void print(List<Table> tables, PrintStream out, List<Table> done) {
			done.forEach((table) -> table.print(out));
			out.flush();
			tables.addAll(done);
		}

	}

}
