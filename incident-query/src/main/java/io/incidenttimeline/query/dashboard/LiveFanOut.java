package io.incidenttimeline.query.dashboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;
import io.incidenttimeline.query.jdbc.ReadCaches;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Live updates reach the browsers of every query instance, not only of the one whose
 * consumer applied the events: the consumer's transaction sends the message with
 * PostgreSQL's {@code pg_notify}, which PostgreSQL delivers when (and only if) that
 * transaction commits, to every session listening on the channel. Each instance listens
 * on a dedicated connection (outside the pool) and hands what arrives to its own
 * {@link LiveStream}, its own messages included. It also tells the instance's
 * {@link ReadCaches} to forget what they kept: another instance may have changed the
 * tables they answer from.
 * <p>
 * While the listening connection is down, messages are missed: once it is back, one
 * "everything changed" message makes every page re-read (pages also poll while their
 * stream is down).
 */
@Component
class LiveFanOut implements SmartLifecycle {

	static final String CHANNEL = "incident_live_updates";

	private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final LiveStream stream;

	private final ReadCaches caches;

	private final String url;

	private final Properties credentials = new Properties();

	private volatile boolean running;

	private Thread listener;

	LiveFanOut(JdbcTemplate jdbc, JsonMapper json, LiveStream stream, ReadCaches caches,
			@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String user,
			@Value("${spring.datasource.password:}") String password) {
		this.jdbc = jdbc;
		this.json = json;
		this.stream = stream;
		this.caches = caches;
		this.url = url;
		this.credentials.setProperty("user", user);
		this.credentials.setProperty("password", password);
		this.credentials.setProperty("connectTimeout", "5");
		this.credentials.setProperty("tcpKeepAlive", "true");
		this.credentials.setProperty("ApplicationName", "incident-query live updates");
	}

	/**
	 * Inside the consumer's transaction: sent on commit, dropped on rollback.
	 */
	@EventListener
	void on(EventsApplied applied) {
		notify(LiveStream.of(applied));
	}

	/**
	 * A rebuild may have changed every row: one message says so.
	 */
	@EventListener
	void on(ProjectionRebuilt rebuilt) {
		notify(LiveStream.Applied.EVERYTHING);
	}

	private void notify(LiveStream.Applied applied) {
		// at most MAX_LISTED incidents: well under PostgreSQL's 8000-byte payload limit
		this.jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, this.json.writeValueAsString(applied));
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "dashboard-live-fan-out");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		Duration backoff = Duration.ofMillis(500);
		boolean missedSome = false;
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.url, this.credentials)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (missedSome) {
					this.caches.forgetAll();
					this.stream.publishLater(LiveStream.Applied.EVERYTHING);
				}
				backoff = Duration.ofMillis(500);
				missedSome = false;
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
					if (notifications != null && notifications.length > 0) {
						this.caches.forgetAll();
						for (PGNotification notification : notifications) {
							this.stream.publishLater(
									this.json.readValue(notification.getParameter(), LiveStream.Applied.class));
						}
					}
					else if (!connection.isValid(2)) {
						throw new SQLException("the listening connection is no longer valid");
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Live updates from other instances paused ({}); listening again in {} ms", ex.getMessage(),
						backoff.toMillis());
				missedSome = true;
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
			}
		}
	}

}
