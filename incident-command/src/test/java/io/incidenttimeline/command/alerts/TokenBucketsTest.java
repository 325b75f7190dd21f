package io.incidenttimeline.command.alerts;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

	final AtomicLong nanos = new AtomicLong();

	final TokenBuckets buckets = new TokenBuckets(3, 60, this.nanos::get);

	@Test
	void burstIsAllowedThenRefusedUntilRefilled() {
		assertThat(this.buckets.tryTake("a")).isTrue();
		assertThat(this.buckets.tryTake("a")).isTrue();
		assertThat(this.buckets.tryTake("a")).isTrue();
		assertThat(this.buckets.tryTake("a")).isFalse();

		this.nanos.addAndGet(1_000_000_000L);

		assertThat(this.buckets.tryTake("a")).isTrue();
		assertThat(this.buckets.tryTake("a")).isFalse();
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		for (int i = 0; i < 3; i++) {
			this.buckets.tryTake("a");
		}

		assertThat(this.buckets.tryTake("a")).isFalse();
		assertThat(this.buckets.tryTake("b")).isTrue();
	}

	@Test
	void refillNeverExceedsTheBurst() {
		this.buckets.tryTake("a");
		this.nanos.addAndGet(3_600_000_000_000L);

		int taken = 0;
		while (this.buckets.tryTake("a")) {
			taken++;
		}

		assertThat(taken).isEqualTo(3);
	}

}
