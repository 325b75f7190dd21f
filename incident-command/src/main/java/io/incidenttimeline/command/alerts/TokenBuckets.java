package io.incidenttimeline.command.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per sender key, in this instance's memory: {@code burst} events at
 * once, refilled at {@code eventsPerMinute}. Keys are only ever known credentials, so the
 * map stays small.
 */
public class TokenBuckets {

	private final int burst;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public TokenBuckets(int burst, int eventsPerMinute, LongSupplier nanoTime) {
		this.burst = Math.max(1, burst);
		this.tokensPerNano = Math.max(1, eventsPerMinute) / 60e9;
		this.nanoTime = nanoTime;
	}

	public boolean tryTake(String key) {
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.burst, this.nanoTime.getAsLong()))
			.tryTake(this.nanoTime.getAsLong());
	}

	private final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		synchronized boolean tryTake(long now) {
			this.tokens = Math.min(TokenBuckets.this.burst,
					this.tokens + (now - this.refilledAt) * TokenBuckets.this.tokensPerNano);
			this.refilledAt = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
