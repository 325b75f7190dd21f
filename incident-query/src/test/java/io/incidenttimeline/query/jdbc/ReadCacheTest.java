package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheTest {

	private final ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofSeconds(1));

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void everyCacheMadeTogetherForgetsWhenAnotherInstanceCommitted() {
		ReadCaches caches = new ReadCaches(Duration.ofHours(1));
		ReadCache<String, Integer> first = caches.create();
		ReadCache<String, Integer> second = caches.create();
		assertThat(first.get("a", (key) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(second.get("a", (key) -> this.reads.incrementAndGet())).isEqualTo(2);
		assertThat(first.get("a", (key) -> this.reads.incrementAndGet())).isEqualTo(1);

		caches.forgetAll();

		assertThat(first.get("a", (key) -> this.reads.incrementAndGet())).isEqualTo(3);
		assertThat(second.get("a", (key) -> this.reads.incrementAndGet())).isEqualTo(4);
	}

	@Test
	void anAnswerComputedWhileAnotherInstanceCommittedIsNotKept() {
		assertThat(this.cache.get("a", (key) -> {
			this.cache.forgetAll();
			return this.reads.incrementAndGet();
		})).isEqualTo(1);

		assertThat(read("a")).isEqualTo(2);
		assertThat(read("a")).isEqualTo(2);
	}

	@Test
	void anAnswerIsKeptPerKeyUntilACommitBegins() {
		assertThat(read("a")).isEqualTo(1);
		assertThat(read("a")).isEqualTo(1);
		assertThat(read("b")).isEqualTo(2);

		Object commit = new Object();
		this.cache.committing(commit);

		assertThat(read("a")).isEqualTo(3);
	}

	@Test
	void whileACommitIsUnderWayNothingIsKept() {
		Object commit = new Object();
		this.cache.committing(commit);
		assertThat(read("a")).isEqualTo(1);
		assertThat(read("a")).isEqualTo(2);

		this.cache.committed(commit);

		assertThat(read("a")).isEqualTo(3);
		assertThat(read("a")).isEqualTo(3);
	}

	@Test
	void anAnswerComputedWhileACommitBeganIsNotKept() {
		Object commit = new Object();
		assertThat(this.cache.get("a", (key) -> {
			this.cache.committing(commit);
			this.cache.committed(commit);
			return this.reads.incrementAndGet();
		})).isEqualTo(1);

		assertThat(read("a")).isEqualTo(2);
		assertThat(read("a")).isEqualTo(2);
	}

	@Test
	void aCommitEndsOnlyWhenEveryCommitUnderWayEnded() {
		Object first = new Object();
		Object second = new Object();
		this.cache.committing(first);
		this.cache.committing(second);
		this.cache.committed(first);

		assertThat(read("a")).isEqualTo(1);
		assertThat(read("a")).isEqualTo(2);

		this.cache.committed(second);
		assertThat(read("a")).isEqualTo(3);
		assertThat(read("a")).isEqualTo(3);
	}

	@Test
	void aChangeOutsideATransactionDropsWhatWasKept() {
		assertThat(read("a")).isEqualTo(1);

		this.cache.committed(new Object());

		assertThat(read("a")).isEqualTo(2);
	}

	@Test
	void anAnswerIsServedNoLongerThanItsMaximumAgeEvenWhenNoCommitWasHeard() throws InterruptedException {
		ReadCache<String, Integer> young = new ReadCache<>(Duration.ofMillis(50));
		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);

		Thread.sleep(100);

		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(2);
	}

	private int read(String key) {
		return this.cache.get(key, (k) -> this.reads.incrementAndGet());
	}

}
