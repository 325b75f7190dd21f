package io.incidenttimeline.query;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until the asynchronous consumer has caught up, failing with the last value seen.
 */
public final class Eventually {

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private Eventually() {
	}

	public static <T> T until(Supplier<T> probe, Predicate<T> done) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		T value = probe.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + TIMEOUT + "; last value: " + value);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
			value = probe.get();
		}
		return value;
	}

}
