package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes every {@link ReadCache} of this instance, so that all of them can be told at once
 * that another instance changed the projection tables: the query service's fan-out hears
 * every instance's committed consumer transactions (PostgreSQL's {@code NOTIFY}) and
 * calls {@link #forgetAll()}. The longest an answer is served
 * ({@code incident-timeline.read-cache.max-age}, 1 s unless set) still bounds what a
 * missed notification (a lost listening connection) can cost. Answers past half that age
 * are computed again on one background thread of their own.
 */
@Component
public class ReadCaches implements DisposableBean {

	private final Duration maxAge;

	private final ExecutorService refresher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "read-cache-refresh");
		thread.setDaemon(true);
		return thread;
	});

	private final List<ReadCache<?, ?>> caches = new CopyOnWriteArrayList<>();

	ReadCaches(@Value("${incident-timeline.read-cache.max-age:1s}") Duration maxAge) {
		this.maxAge = maxAge;
	}

	public <K, V> ReadCache<K, V> create() {
		ReadCache<K, V> cache = new ReadCache<>(this.maxAge, this.refresher);
		this.caches.add(cache);
		return cache;
	}

	/**
	 * Some instance committed changes to the projection tables: no answer kept before is
	 * served again.
	 */
	public void forgetAll() {
		this.caches.forEach(ReadCache::forgetAll);
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

}
