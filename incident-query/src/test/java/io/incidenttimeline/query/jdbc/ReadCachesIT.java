package io.incidenttimeline.query.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.incidenttimeline.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables' version {@link ReadCaches} reads from a real PostgreSQL: a write that
 * commits changes it, even one whose transaction began before the version was read;
 * reading does not. The cluster is shared with other test classes, whose writes change it
 * too, so "unchanged" is asserted as "seen unchanged at least once in a few tries".
 */
class ReadCachesIT {

	private static TestPostgres.Database database;

	private static JdbcClient jdbc;

	@BeforeAll
	static void table() {
		database = TestPostgres.database("read_caches_it");
		jdbc = JdbcClient
			.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
		jdbc.sql("CREATE TABLE IF NOT EXISTS facts (id serial PRIMARY KEY, body text)").update();
	}

	@Test
	void aCommittedWriteChangesTheVersionEvenWhenItsTransactionBeganBefore() throws SQLException {
		ReadCaches caches = new ReadCaches(Duration.ofSeconds(1), jdbc);
		try (Connection writer = connect(); Statement statement = writer.createStatement()) {
			writer.setAutoCommit(false);
			statement.executeUpdate("INSERT INTO facts (body) VALUES ('written before the version was read')");
			Object before = version(caches);

			writer.commit();

			assertThat(version(caches)).isNotEqualTo(before);
		}
	}

	@Test
	void readingLeavesTheVersionAsItWas() {
		ReadCaches caches = new ReadCaches(Duration.ofSeconds(1), jdbc);
		boolean unchanged = false;
		for (int i = 0; i < 20 && !unchanged; i++) {
			Object before = version(caches);
			jdbc.sql("SELECT count(*) FROM facts").query(Long.class).single();
			unchanged = before.equals(version(caches));
		}
		assertThat(unchanged).as("the version stayed the same across a read at least once in 20 tries").isTrue();
	}

	@Test
	void aKeptAnswerIsRenewedUntilAWriteCommits() throws InterruptedException {
		ReadCache<String, Long> cache = new ReadCaches(Duration.ofMillis(100), jdbc).create();
		AtomicInteger computed = new AtomicInteger();
		boolean renewed = false;
		for (int i = 0; i < 20 && !renewed; i++) {
			cache.committed(new Object());
			cache.get("count", (key) -> count(computed));
			int before = computed.get();
			Thread.sleep(150);
			cache.get("count", (key) -> count(computed));
			renewed = computed.get() == before;
		}
		assertThat(renewed).as("past its maximum age, served again without computing, at least once in 20 tries")
			.isTrue();

		jdbc.sql("INSERT INTO facts (body) VALUES ('a change')").update();
		Thread.sleep(150);
		int before = computed.get();
		cache.get("count", (key) -> count(computed));

		assertThat(computed.get()).as("computed again after the write").isEqualTo(before + 1);
	}

	private static long count(AtomicInteger computed) {
		computed.incrementAndGet();
		return jdbc.sql("SELECT count(*) FROM facts").query(Long.class).single();
	}

	private static Object version(ReadCaches caches) {
		return caches.version().get();
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

}
