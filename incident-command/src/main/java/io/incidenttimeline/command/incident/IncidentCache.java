package io.incidenttimeline.command.incident;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ReflectionUtils;

/**
 * Keeps loaded incidents in memory so that a command does not first replay the incident's
 * whole history (replay grows with every event and dominated the cost of a command).
 * <p>
 * Two things keep a cached incident from ever deciding on state the store does not have.
 * Axon evicts it when its unit of work rolls back; and because the unit of work joins a
 * Spring transaction that may still roll back after it (an idempotency key or an alert
 * receipt written after the command), an incident cached or changed in a transaction is
 * evicted again when that transaction rolls back.
 * <p>
 * With more than one instance, another instance may have appended to a cached incident.
 * Before a cached copy is handed out, its version is compared with the incident's last
 * sequence number in the store (one index lookup, far cheaper than a replay); a copy
 * behind the store is dropped and the incident loaded afresh, so no command is decided on
 * stale state. The append that races such a check loses on the unique key and is retried
 * once by the callers ({@code IdempotentCommands}, {@code AlertIngestion}) after the
 * rollback evicted the copy.
 * <p>
 * Axon's own {@code WeakReferenceCache} loses its entries at every young collection, so
 * it hardly ever hits; Caffeine keeps the most used incidents, bounded.
 */
@Component(IncidentCache.BEAN)
class IncidentCache implements Cache {

	static final String BEAN = "cachedIncidents";

	/**
	 * The version (last sequence number) a cache entry was made at. Axon keeps it private
	 * and reads it only to rebuild the aggregate; should an upgrade rename it, the
	 * service fails to start rather than run unchecked.
	 */
	private static final Field CACHED_VERSION = Objects
		.requireNonNull(ReflectionUtils.findField(AggregateCacheEntry.class, "version", Long.class));

	static {
		ReflectionUtils.makeAccessible(CACHED_VERSION);
	}

	private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<EventStore> store;

	IncidentCache(@Value("${incident-timeline.cached-incidents:10000}") long cachedIncidents,
			ApplicationEventPublisher events, ObjectProvider<EventStore> store) {
		this.cache = Caffeine.newBuilder().maximumSize(cachedIncidents).expireAfterAccess(Duration.ofHours(1)).build();
		this.events = events;
		this.store = store;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> V get(K key) {
		V value = (V) this.cache.getIfPresent(key);
		if (value != null && behindTheStore(key, value)) {
			this.cache.invalidate(key);
			return null;
		}
		if (value != null) {
			handedOut(key);
		}
		return value;
	}

	/**
	 * Whether another instance appended to the incident since this copy was cached. The
	 * store is read in the current transaction, so this instance's own uncommitted
	 * appends count as stored.
	 */
	private boolean behindTheStore(Object key, Object value) {
		if (!(value instanceof AggregateCacheEntry<?> entry)) {
			return false;
		}
		Long cached = (Long) ReflectionUtils.getField(CACHED_VERSION, entry);
		Long stored = this.store.getObject().lastSequenceNumberFor(key.toString()).orElse(null);
		return !Objects.equals(cached, stored);
	}

	@Override
	public void put(Object key, Object value) {
		handedOut(key);
		this.cache.put(key, value);
	}

	@Override
	public boolean putIfAbsent(Object key, Object value) {
		handedOut(key);
		return this.cache.asMap().putIfAbsent(key, value) == null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
		handedOut(key);
		return (T) this.cache.get(key, (k) -> valueSupplier.get());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
		handedOut(key);
		this.cache.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
	}

	@Override
	public boolean remove(Object key) {
		return this.cache.asMap().remove(key) != null;
	}

	@Override
	public void removeAll() {
		this.cache.invalidateAll();
	}

	@Override
	public boolean containsKey(Object key) {
		return this.cache.asMap().containsKey(key);
	}

	/**
	 * Axon's caching repository never listens to its cache; nothing else uses this one.
	 */
	@Override
	public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
		throw new UnsupportedOperationException("the incident cache has no entry listeners");
	}

	/**
	 * An incident handed out or stored inside a transaction may carry that transaction's
	 * changes, which exist only if it commits. Outside a transaction the event is
	 * dropped, as nothing can roll back.
	 */
	private void handedOut(Object key) {
		this.events.publishEvent(new CachedInTransaction(key));
	}

	/**
	 * Evicts after a rollback. Spring completes a transaction whose COMMIT failed without
	 * a clear outcome (the connection broke during it) as "unknown", which is not a
	 * rollback: that copy stays (the hand-registered synchronization this replaced
	 * evicted it too). Should such a commit have been lost, this instance's next command
	 * on the incident appends after a sequence number the store lacks; see the README's
	 * open issues.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
	void evict(CachedInTransaction cached) {
		this.cache.invalidate(cached.key());
	}

	/**
	 * An incident was cached or handed out inside the current transaction.
	 */
	record CachedInTransaction(Object key) {
	}

}
