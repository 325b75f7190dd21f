package io.incidenttimeline.command.incident;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;

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

	@Bean(BEAN)
	Cache incidentCache() {
		return new CommittedOnly(new WeakReferenceCache());
	}

	static final class CommittedOnly implements Cache {

		private final Cache cache;

		CommittedOnly(Cache cache) {
			this.cache = cache;
		}

		@Override
		public <K, V> V get(K key) {
			V value = this.cache.get(key);
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
			return this.cache.putIfAbsent(key, value);
		}

		@Override
		public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
			evictUnlessCommitted(key);
			return this.cache.computeIfAbsent(key, valueSupplier);
		}

		@Override
		public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
			evictUnlessCommitted(key);
			this.cache.computeIfPresent(key, update);
		}

		@Override
		public boolean remove(Object key) {
			return this.cache.remove(key);
		}

		@Override
		public void removeAll() {
			this.cache.removeAll();
		}

		@Override
		public boolean containsKey(Object key) {
			return this.cache.containsKey(key);
		}

		@Override
		public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
			return this.cache.registerCacheEntryListener(cacheEntryListener);
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
							CommittedOnly.this.cache.remove(key);
						}
					}
				});
			}
		}

	}

}
