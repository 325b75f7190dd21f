package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
 * behind the shared tables a reader can be.
 *
 * @param <K> what an answer depends on besides the tables (a filter, a day)
 * @param <V> the answer
 */
public final class ReadCache<K, V> {

	/**
	 * At most this many answers are kept (filters come from requests): the next one
	 * starts over.
	 */
	static final int LIMIT = 256;

	private final long maxAgeNanos;

	/**
	 * @param maxAge how long an answer is served at most, whatever this instance heard
	 */
	ReadCache(Duration maxAge) {
		this.maxAgeNanos = maxAge.toNanos();
	}

	private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private long generation;

	private final Set<Object> committing = Collections.newSetFromMap(new IdentityHashMap<>());

	public V get(K key, Function<K, V> compute) {
		long generation;
		synchronized (this.lock) {
			generation = this.committing.isEmpty() ? this.generation : -1;
		}
		Kept<V> found = this.kept.get(key);
		if (found != null && found.generation() == generation
				&& System.nanoTime() - found.keptAt() < this.maxAgeNanos) {
			return found.value();
		}
		long computedAt = System.nanoTime();
		V value = compute.apply(key);
		if (generation >= 0) {
			synchronized (this.lock) {
				if (this.generation == generation && this.committing.isEmpty()) {
					if (this.kept.size() >= LIMIT) {
						this.kept.clear();
					}
					this.kept.put(key, new Kept<>(generation, computedAt, value));
				}
			}
		}
		return value;
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

	private record Kept<V>(long generation, long keptAt, V value) {
	}

}
