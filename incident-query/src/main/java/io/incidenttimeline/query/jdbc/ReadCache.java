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
import java.util.function.Supplier;

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
 * <p>
 * Given a way to read the tables' version (something that changes whenever a change to
 * them commits, see {@link ReadCaches}), an answer past half its age is first checked
 * rather than computed again: when the version is the one read before the answer was
 * computed, nothing has changed since, and the kept answer is renewed as if computed now.
 * A quiet page is thus not written out twice a second; a changed one is computed again as
 * before. An answer made of other kept answers carries the version of the oldest of them.
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
		this(maxAge, refresher, null);
	}

	/**
	 * @param maxAge how long an answer is served at most, whatever this instance heard
	 * @param refresher where answers past half their age are computed again
	 * @param version reads the tables' version (null: answers are always computed again)
	 */
	ReadCache(Duration maxAge, Executor refresher, Supplier<Object> version) {
		this.maxAgeNanos = maxAge.toNanos();
		this.refresher = refresher;
		this.version = version;
	}

	private final Supplier<Object> version;

	private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

	private final Map<K, Computation<V>> computing = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	/**
	 * While this thread computes an answer: the oldest table read it used (its own, or
	 * the one an answer it took from a cache was computed of).
	 */
	private static final ThreadLocal<Oldest> OLDEST_READ = new ThreadLocal<>();

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
					refresh(key, compute, generation, found);
				}
				used(found.read());
				return found.value();
			}
		}
		Kept<V> computed = computeOnce(key, compute, generation,
				(found != null && found.generation() == generation) ? found : null);
		used(computed.read());
		return computed.value();
	}

	/**
	 * The answer the current computation (if any) is using was computed of {@code read}.
	 */
	private static void used(Read read) {
		Oldest oldest = OLDEST_READ.get();
		if (oldest != null && read.at() - oldest.at < 0) {
			oldest.at = read.at();
			oldest.version = read.version();
		}
	}

	private void refresh(K key, Function<K, V> compute, long generation, Kept<V> found) {
		try {
			this.refresher.execute(() -> {
				try {
					computeOnce(key, compute, generation, found);
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
	 * Renews the answer {@code found} (kept in this generation, or null), when the
	 * tables' version is still the one it was computed of, or computes the answer; or
	 * waits for another thread doing so for the same key in the same generation.
	 */
	private Kept<V> computeOnce(K key, Function<K, V> compute, long generation, Kept<V> found) {
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
			Kept<V> computed = renewed(key, found, generation);
			if (computed == null) {
				computed = computeAndKeep(key, compute, generation);
			}
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

	/**
	 * {@code found} renewed as if computed now, when the tables' version is still the one
	 * it was computed of; null when it may have changed (or cannot be told).
	 */
	private Kept<V> renewed(K key, Kept<V> found, long generation) {
		if (found == null || found.read().version() == null) {
			return null;
		}
		long now = System.nanoTime();
		if (!found.read().version().equals(currentVersion())) {
			return null;
		}
		Kept<V> renewed = new Kept<>(generation, new Read(now, found.read().version()), found.value(),
				new AtomicBoolean());
		synchronized (this.lock) {
			if (this.generation == generation && this.committing.isEmpty() && this.kept.get(key) == found) {
				this.kept.put(key, renewed);
				return renewed;
			}
		}
		return null;
	}

	/**
	 * The tables' version now, or null when there is no way to read it or reading it
	 * failed (then answers are computed again).
	 */
	private Object currentVersion() {
		if (this.version == null) {
			return null;
		}
		try {
			return this.version.get();
		}
		catch (RuntimeException ex) {
			log.debug("Reading the tables' version failed; computing the answer again", ex);
			return null;
		}
	}

	private Kept<V> computeAndKeep(K key, Function<K, V> compute, long generation) {
		Oldest outer = OLDEST_READ.get();
		// the version is read before the tables are: a change committed meanwhile
		// changes it
		Oldest oldest = new Oldest(System.nanoTime(), currentVersion());
		OLDEST_READ.set(oldest);
		V value;
		try {
			value = compute.apply(key);
		}
		finally {
			OLDEST_READ.set(outer);
		}
		Kept<V> computed = new Kept<>(generation, oldest.read(), value, new AtomicBoolean());
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

	/**
	 * An answer kept in a generation, and the read of the tables it shows.
	 */
	private record Kept<V>(long generation, Read read, V value, AtomicBoolean refreshing) {

		long keptAt() {
			return this.read.at();
		}

	}

	/**
	 * When the tables an answer shows were read (nanoTime), and their version then (null:
	 * unknown).
	 */
	private record Read(long at, Object version) {
	}

	/**
	 * The oldest read a computation used so far, changed as it takes older kept answers.
	 */
	private static final class Oldest {

		private long at;

		private Object version;

		Oldest(long at, Object version) {
			this.at = at;
			this.version = version;
		}

		Read read() {
			return new Read(this.at, this.version);
		}

	}

	private record Computation<V>(long generation, CompletableFuture<Kept<V>> answer) {
	}

}
