package io.incidenttimeline.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's {@code --name=value} options (and the flag {@code --quick}). A mode
 * asks for each option with its full-size default and its {@code --quick} default; an
 * option given on the command line wins over both. Options nobody asked for are an error
 * ({@link #requireAllUsed()}), so a misspelt option is not silently ignored.
 */
final class Options {

	private final Map<String, String> values;

	private final boolean quick;

	private final Set<String> used = new HashSet<>(Set.of("mode", "quick"));

	private Options(Map<String, String> values, boolean quick) {
		this.values = values;
		this.quick = quick;
	}

	static Options parse(String... args) {
		Map<String, String> values = new HashMap<>();
		boolean quick = false;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				quick = true;
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			else {
				throw new IllegalArgumentException("options are --name=value or --quick, not " + arg);
			}
		}
		return new Options(values, quick);
	}

	boolean quick() {
		return this.quick;
	}

	String string(String name, String full, String quick) {
		this.used.add(name);
		return this.values.getOrDefault(name, this.quick ? quick : full);
	}

	int integer(String name, int full, int quick) {
		return Integer.parseInt(string(name, String.valueOf(full), String.valueOf(quick)).replace("_", ""));
	}

	Duration seconds(String name, double full, double quick) {
		double seconds = Double.parseDouble(string(name, String.valueOf(full), String.valueOf(quick)));
		return Duration.ofMillis(Math.round(seconds * 1000));
	}

	List<Integer> integers(String name, String full, String quick) {
		return Arrays.stream(string(name, full, quick).split(",")).map(String::trim).map(Integer::parseInt).toList();
	}

	boolean given(String name) {
		return this.values.containsKey(name);
	}

	void requireAllUsed() {
		Set<String> unknown = new HashSet<>(this.values.keySet());
		unknown.removeAll(this.used);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown options for the modes run: " + unknown);
		}
	}

}
