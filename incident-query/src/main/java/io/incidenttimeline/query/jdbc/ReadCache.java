package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers computed from projection tables, kept until a transaction that may change those
 * tables commits. The owner calls {@link #committing(Object)} before such a commit and
 * {@link #committed(Object)} after it completes, with the same token (the consumer's
 * {@code EventsApplied} or {@code ProjectionRebuilt}, heard in the BEFORE_COMMIT and
 * AFTER_COMPLETION phases). An answer is kept only when no such commit was under way
 * while it was computed, and served only until the next one begins, so a reader never
 * gets an answer older than the last commit it could have seen.
 * <p>
 * Another query instance's commits are heard through PostgreSQL's {@code NOTIFY}
 * ({@link ReadCaches#forgetAll()}); since a listening connection can be lost, an answer
 * is also served for at most its maximum age ({@link ReadCaches}), which bounds how far
 * behind the shared tables a reader can be. So that readers do not all wait for a new
 * answer whenever the kept one grows too old, an answer older than half its maximum age
 * is computed again in the background while the kept one is still served; and readers
 * that find nothing kept for the same key at the same time wait for one computation, not
 * one each. An answer computed from other kept answers (a document written from a
 * snapshot) counts its age from the oldest of them, and a computation uses no kept answer
 * past half its age, so no answer is served later than its maximum age after the tables
 * it shows were read.
 *
 * @param <K> what an answer depends on besides the tables (a filter, a day)
 * @param <V> the answer
 */
public final class ReadCache<K, V> {

	private static final Logger log = LoggerFactory.getLogger(ReadCache.class);

	/**
	 * At most this many answers are kept (filters come from requests): the next one
	 * starts over.
	 */
	static final int LIMIT = 256;

	private final long maxAgeNanos;

	private final Executor refresher;

	/**
	 * @param maxAge how long an answer is served at most, whatever this instance heard
	 * @param refresher where answers past half their age are computed again
	 */
	ReadCache(Duration maxAge, Executor refresher) {
		this.maxAgeNanos = maxAge.toNanos();
		this.refresher = refresher;
	}

	private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

	private final Map<K, Computation<V>> computing = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	/**
	 * While this thread computes an answer: when the oldest table read it used was made
	 * (its own start, or the time an answer it took from a cache was computed).
	 */
	private static final ThreadLocal<long[]> OLDEST_READ = new ThreadLocal<>();

	private long generation;

	private final Set<Object> committing = Collections.newSetFromMap(new IdentityHashMap<>());

	public V get(K key, Function<K, V> compute) {
		long generation;
		synchronized (this.lock) {
			generation = this.committing.isEmpty() ? this.generation : -1;
		}
		if (generation < 0) {
			return compute.apply(key);
		}
		Kept<V> found = this.kept.get(key);
		if (found != null && found.generation() == generation) {
			long age = System.nanoTime() - found.keptAt();
			boolean computing = OLDEST_READ.get() != null;
			if (age < this.maxAgeNanos / 2 || (age < this.maxAgeNanos && !computing)) {
				if (age >= this.maxAgeNanos / 2 && found.refreshing().compareAndSet(false, true)) {
					refresh(key, compute, generation);
				}
				used(found.keptAt());
				return found.value();
			}
		}
		Kept<V> computed = computeOnce(key, compute, generation);
		used(computed.keptAt());
		return computed.value();
	}

	/**
	 * The answer the current computation (if any) is using was read at {@code readAt}.
	 */
	private static void used(long readAt) {
		long[] oldest = OLDEST_READ.get();
		if (oldest != null && readAt - oldest[0] < 0) {
			oldest[0] = readAt;
		}
	}

	private void refresh(K key, Function<K, V> compute, long generation) {
		try {
			this.refresher.execute(() -> {
				try {
					computeOnce(key, compute, generation);
				}
				catch (RuntimeException ex) {
					// the kept answer is served until its age is up; then a reader
					// computes
					log.debug("Computing a kept answer again failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.debug("No refresh of a kept answer: the refresher stopped", ex);
		}
	}

	/**
	 * Computes the answer, or waits for the computation another thread began for the same
	 * key in the same generation.
	 */
	private Kept<V> computeOnce(K key, Function<K, V> compute, long generation) {
		Computation<V> mine = new Computation<>(generation, new CompletableFuture<>());
		Computation<V> other = this.computing.putIfAbsent(key, mine);
		if (other != null) {
			if (other.generation() == generation) {
				try {
					return other.answer().join();
				}
				catch (CompletionException ex) {
					if (ex.getCause() instanceof RuntimeException failure) {
						throw failure;
					}
					throw ex;
				}
			}
			return computeAndKeep(key, compute, generation);
		}
		try {
			Kept<V> computed = computeAndKeep(key, compute, generation);
			mine.answer().complete(computed);
			return computed;
		}
		catch (RuntimeException | Error ex) {
			mine.answer().completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.computing.remove(key, mine);
		}
	}

	private Kept<V> computeAndKeep(K key, Function<K, V> compute, long generation) {
		long[] outer = OLDEST_READ.get();
		long[] oldest = { System.nanoTime() };
		OLDEST_READ.set(oldest);
		V value;
		try {
			value = compute.apply(key);
		}
		finally {
			OLDEST_READ.set(outer);
		}
		Kept<V> computed = new Kept<>(generation, oldest[0], value, new AtomicBoolean());
		synchronized (this.lock) {
			if (this.generation == generation && this.committing.isEmpty()) {
				if (this.kept.size() >= LIMIT) {
					this.kept.clear();
				}
				this.kept.put(key, computed);
			}
		}
		return computed;
	}

	/**
	 * A transaction that may change the tables is about to commit; {@code token} names
	 * it.
	 */
	public void committing(Object token) {
		synchronized (this.lock) {
			this.committing.add(token);
			this.generation++;
			this.kept.clear();
		}
	}

	/**
	 * The transaction {@code token} names committed or rolled back (or changed the tables
	 * outside any transaction).
	 */
	public void committed(Object token) {
		synchronized (this.lock) {
			this.committing.remove(token);
			this.generation++;
			this.kept.clear();
		}
	}

	/**
	 * Another instance committed changes to the tables ({@link ReadCaches#forgetAll()}):
	 * nothing kept or being computed now is served later.
	 */
	void forgetAll() {
		synchronized (this.lock) {
			this.generation++;
			this.kept.clear();
		}
	}

	private record Kept<V>(long generation, long keptAt, V value, AtomicBoolean refreshing) {
	}

	private record Computation<V>(long generation, CompletableFuture<Kept<V>> answer) {
	}

}
