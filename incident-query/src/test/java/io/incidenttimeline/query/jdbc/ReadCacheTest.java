package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheTest {

	private final ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofSeconds(1), Runnable::run);

	/** Refreshes asked for, run when the test says. */
	private final List<Runnable> refreshes = new ArrayList<>();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void everyCacheMadeTogetherForgetsWhenAnotherInstanceCommitted() {
		ReadCaches caches = new ReadCaches(Duration.ofHours(1), (Supplier<Object>) null);
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
		ReadCache<String, Integer> young = new ReadCache<>(Duration.ofMillis(50), this.refreshes::add);
		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);

		Thread.sleep(100);

		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(2);
	}

	@Test
	void pastHalfItsAgeTheKeptAnswerIsServedWhileOneRefreshComputesItAgain() throws InterruptedException {
		ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add);
		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(this.refreshes).isEmpty();

		Thread.sleep(600);

		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);
		assertThat(this.refreshes).as("one refresh, however many readers").hasSize(1);
		assertThat(this.reads).hasValue(1);

		this.refreshes.get(0).run();

		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(2);
	}

	/**
	 * Whether the refresh would compute the answer again or renew it (the tables' version
	 * unchanged), it began before the commit: not kept.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRefreshThatBeganBeforeACommitIsNotKept(boolean versioned) throws InterruptedException {
		ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add,
				versioned ? () -> "v1" : null);
		cache.get("a", (k) -> this.reads.incrementAndGet());
		Thread.sleep(600);
		cache.get("a", (k) -> this.reads.incrementAndGet());

		cache.committed(new Object());
		this.refreshes.get(0).run();

		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(3);
	}

	@Test
	void readersFindingNothingKeptWaitForOneComputation() throws Exception {
		ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofHours(1), this.refreshes::add);
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = readers.submit(() -> cache.get("a", (k) -> {
				computing.countDown();
				await(release);
				return this.reads.incrementAndGet();
			}));
			await(computing);
			Future<Integer> second = readers.submit(() -> cache.get("a", (k) -> this.reads.incrementAndGet()));
			Thread.sleep(100);
			assertThat(second).as("waits for the first reader's computation").isNotDone();

			release.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(this.reads).hasValue(1);
		}
		finally {
			readers.shutdownNow();
		}
	}

	@Test
	void anAnswerMadeOfAnotherKeptAnswerIsAsOldAsThatOne() throws InterruptedException {
		ReadCache<String, Integer> snapshots = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add);
		ReadCache<String, Integer> documents = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add);
		snapshots.get("s", (k) -> this.reads.incrementAndGet());
		Thread.sleep(200);
		assertThat(documents.get("d", (k) -> 100 + snapshots.get("s", (s) -> this.reads.incrementAndGet())))
			.isEqualTo(101);
		assertThat(this.refreshes).isEmpty();

		Thread.sleep(400);

		assertThat(documents.get("d", (k) -> 100 + snapshots.get("s", (s) -> this.reads.incrementAndGet())))
			.as("the document is as old as its snapshot, past half its age, so it is refreshed")
			.isEqualTo(101);
		assertThat(this.refreshes).hasSize(1);
		this.refreshes.get(0).run();
		assertThat(this.reads).as("the refresh did not use the snapshot past half its age").hasValue(2);
		assertThat(documents.get("d", (k) -> 0)).isEqualTo(102);
	}

	@Test
	void pastItsAgeAnAnswerIsRenewedWhileTheTablesVersionIsTheSame() throws InterruptedException {
		AtomicReference<Object> version = new AtomicReference<>("v1");
		ReadCache<String, Integer> young = new ReadCache<>(Duration.ofMillis(50), this.refreshes::add, version::get);
		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(1);

		Thread.sleep(100);

		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).as("nothing changed: renewed").isEqualTo(1);
		assertThat(this.reads).hasValue(1);

		version.set("v2");
		Thread.sleep(100);

		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).as("the tables changed: computed again")
			.isEqualTo(2);
	}

	@Test
	void aRefreshRenewsTheKeptAnswerWhenTheTablesVersionIsTheSame() throws InterruptedException {
		AtomicReference<Object> version = new AtomicReference<>("v1");
		ReadCache<String, Integer> cache = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add, version::get);
		cache.get("a", (k) -> this.reads.incrementAndGet());
		Thread.sleep(600);
		cache.get("a", (k) -> this.reads.incrementAndGet());
		assertThat(this.refreshes).hasSize(1);

		this.refreshes.get(0).run();

		assertThat(this.reads).as("renewed, not computed").hasValue(1);
		// past the first answer's maximum age, not half the renewed one's
		Thread.sleep(450);
		assertThat(cache.get("a", (k) -> this.reads.incrementAndGet()))
			.as("the renewed answer counts its age from the refresh")
			.isEqualTo(1);
		assertThat(this.refreshes).hasSize(1);
	}

	@Test
	void anAnswerMadeOfAnotherKeptAnswerCarriesThatAnswersVersion() throws InterruptedException {
		AtomicReference<Object> version = new AtomicReference<>("v1");
		ReadCache<String, Integer> snapshots = new ReadCache<>(Duration.ofMillis(1000), this.refreshes::add,
				version::get);
		ReadCache<String, Integer> documents = new ReadCache<>(Duration.ofMillis(100), this.refreshes::add,
				version::get);
		AtomicInteger written = new AtomicInteger();
		snapshots.get("s", (k) -> this.reads.incrementAndGet());
		version.set("v2");
		documents.get("d", (k) -> written.incrementAndGet() + snapshots.get("s", (s) -> this.reads.incrementAndGet()));
		assertThat(written).as("written at v2 of the snapshot read at v1").hasValue(1);

		Thread.sleep(150);
		documents.get("d", (k) -> written.incrementAndGet() + snapshots.get("s", (s) -> this.reads.incrementAndGet()));

		assertThat(written).as("v1 is not v2: the document is written again, not renewed").hasValue(2);
		Thread.sleep(150);
		documents.get("d", (k) -> written.incrementAndGet() + snapshots.get("s", (s) -> this.reads.incrementAndGet()));
		assertThat(written).as("still made of the snapshot read at v1").hasValue(3);
	}

	@Test
	void whenTheTablesVersionCannotBeReadAnswersAreComputedAgain() throws InterruptedException {
		AtomicBoolean failing = new AtomicBoolean();
		ReadCache<String, Integer> young = new ReadCache<>(Duration.ofMillis(50), this.refreshes::add, () -> {
			if (failing.get()) {
				throw new IllegalStateException("no connection");
			}
			return "v1";
		});
		young.get("a", (k) -> this.reads.incrementAndGet());
		failing.set(true);

		Thread.sleep(100);

		assertThat(young.get("a", (k) -> this.reads.incrementAndGet())).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int read(String key) {
		return this.cache.get(key, (k) -> this.reads.incrementAndGet());
	}

}
