package io.incidenttimeline.command.alerts;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets live in PostgreSQL: two instances (two {@link TokenBuckets} on one
 * database) share one limit. Time passing is simulated by moving the bucket's last refill
 * back.
 */
class TokenBucketsIT extends AlertsITSupport {

	@Test
	void burstIsAllowedThenRefusedUntilRefilled() {
		TokenBuckets buckets = new TokenBuckets(this.jdbc);
		String bucket = newBucket();
		assertThat(buckets.tryTake(bucket, 3, 60)).isTrue();
		assertThat(buckets.tryTake(bucket, 3, 60)).isTrue();
		assertThat(buckets.tryTake(bucket, 3, 60)).isTrue();
		assertThat(buckets.tryTake(bucket, 3, 60)).isFalse();

		elapse(bucket, 1.2);

		assertThat(buckets.tryTake(bucket, 3, 60)).isTrue();
		assertThat(buckets.tryTake(bucket, 3, 60)).isFalse();
	}

	@Test
	void twoInstancesShareOneBucket() {
		TokenBuckets one = new TokenBuckets(this.jdbc);
		TokenBuckets other = new TokenBuckets(this.jdbc);
		String bucket = newBucket();
		int taken = 0;
		for (int i = 0; i < 8; i++) {
			if (((i % 2 == 0) ? one : other).tryTake(bucket, 4, 1)) {
				taken++;
			}
		}
		assertThat(taken).isEqualTo(4);
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		TokenBuckets buckets = new TokenBuckets(this.jdbc);
		String a = newBucket();
		for (int i = 0; i < 3; i++) {
			buckets.tryTake(a, 3, 60);
		}

		assertThat(buckets.tryTake(a, 3, 60)).isFalse();
		assertThat(buckets.tryTake(newBucket(), 3, 60)).isTrue();
	}

	@Test
	void refillNeverExceedsTheBurst() {
		TokenBuckets buckets = new TokenBuckets(this.jdbc);
		String bucket = newBucket();
		buckets.tryTake(bucket, 3, 60);
		elapse(bucket, 3600);

		int taken = 0;
		while (buckets.tryTake(bucket, 3, 60)) {
			taken++;
		}

		assertThat(taken).isEqualTo(3);
	}

	private void elapse(String bucket, double seconds) {
		this.jdbc.update("UPDATE alert_rate_bucket SET refilled_at = refilled_at - make_interval(secs => ?) "
				+ "WHERE bucket = ?", seconds, bucket);
	}

	private static String newBucket() {
		return "test:" + UUID.randomUUID();
	}

}
