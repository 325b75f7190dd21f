package io.incidenttimeline.command.incident;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps loaded incidents in memory so that a command does not first replay the incident's
 * whole history (replay grows with every event and dominated the cost of a command).
 * <p>
 * Two things keep a cached incident from ever deciding on state the store does not have.
 * Axon evicts it when its unit of work rolls back; and because the unit of work joins a
 * Spring transaction that may still roll back after it (an idempotency key or an alert
 * receipt written after the command), an incident cached or changed in a transaction is
 * evicted again unless that transaction commits. With more than one instance, a command
 * decided on a stale copy appends a sequence number that is already taken, loses on the
 * unique key (409, concurrent modification), and the rollback evicts the copy, so the
 * client's retry loads from the store.
 */
@Configuration(proxyBeanMethods = false)
class IncidentCache {

	static final String BEAN = "cachedIncidents";

	/**
	 * Axon's own {@code WeakReferenceCache} loses its entries at every young collection,
	 * so it hardly ever hits; Caffeine keeps the most used incidents, bounded.
	 */
	@Bean(BEAN)
	Cache incidentCache(@Value("${incident-timeline.cached-incidents:10000}") long cachedIncidents) {
		return new CommittedOnly(
				Caffeine.newBuilder().maximumSize(cachedIncidents).expireAfterAccess(Duration.ofHours(1)).build());
	}

	static final class CommittedOnly implements Cache {

		private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;

		CommittedOnly(com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {
			this.cache = cache;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <K, V> V get(K key) {
			V value = (V) this.cache.getIfPresent(key);
			if (value != null) {
				evictUnlessCommitted(key);
			}
			return value;
		}

		@Override
		public void put(Object key, Object value) {
			evictUnlessCommitted(key);
			this.cache.put(key, value);
		}

		@Override
		public boolean putIfAbsent(Object key, Object value) {
			evictUnlessCommitted(key);
			return this.cache.asMap().putIfAbsent(key, value) == null;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
			evictUnlessCommitted(key);
			return (T) this.cache.get(key, (k) -> valueSupplier.get());
		}

		@Override
		@SuppressWarnings("unchecked")
		public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
			evictUnlessCommitted(key);
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
		 * Axon's caching repository never listens to its cache; nothing else uses this
		 * one.
		 */
		@Override
		public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
			throw new UnsupportedOperationException("the incident cache has no entry listeners");
		}

		/**
		 * An aggregate handed out or stored inside a transaction may carry that
		 * transaction's changes, which exist only if it commits.
		 */
		private void evictUnlessCommitted(Object key) {
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						if (status != STATUS_COMMITTED) {
							CommittedOnly.this.cache.invalidate(key);
						}
					}
				});
			}
		}

	}

}
