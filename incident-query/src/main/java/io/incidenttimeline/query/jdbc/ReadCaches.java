package io.incidenttimeline.query.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes every {@link ReadCache} of this instance, so that all of them can be told at once
 * that another instance changed the projection tables: the query service's fan-out hears
 * every instance's committed consumer transactions (PostgreSQL's {@code NOTIFY}) and
 * calls {@link #forgetAll()}. The longest an answer is served
 * ({@code incident-timeline.read-cache.max-age}, 1 s unless set) still bounds what a
 * missed notification (a lost listening connection) can cost. Answers past half that age
 * are computed again on one background thread of their own, unless the tables' version
 * shows nothing changed since they were read.
 * <p>
 * The version is PostgreSQL's current snapshot ({@code pg_current_snapshot()}, as text):
 * which transactions had completed. It stays the same exactly as long as no writing
 * transaction of the database cluster completes (commits or rolls back), so an answer
 * read under a snapshot equal to the current one shows what the tables hold now,
 * whichever instance writes them. Any write anywhere in the cluster changes it (the check
 * errs on the side of computing again); reading does not.
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

	private final Supplier<Object> version;

	@Autowired
	ReadCaches(@Value("${incident-timeline.read-cache.max-age:1s}") Duration maxAge, JdbcClient jdbc) {
		this(maxAge, () -> jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single());
	}

	/**
	 * @param version the tables' version, or null: every answer past half its age is
	 * computed again
	 */
	ReadCaches(Duration maxAge, Supplier<Object> version) {
		this.maxAge = maxAge;
		this.version = version;
	}

	public <K, V> ReadCache<K, V> create() {
		ReadCache<K, V> cache = new ReadCache<>(this.maxAge, this.refresher, this.version);
		this.caches.add(cache);
		return cache;
	}

	/**
	 * How the tables' version is read (null: it is not).
	 */
	Supplier<Object> version() {
		return this.version;
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
