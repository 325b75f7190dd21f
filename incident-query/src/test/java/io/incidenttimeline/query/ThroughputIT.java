package io.incidenttimeline.query;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.jdbc.Timestamptz;
import io.incidenttimeline.testsupport.IncidentStory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12: the consumer and the rebuild under load. Each test checks what it loaded
 * arrived whole and prints how fast (events/s on stdout, for the README and the
 * benchmark; no timed assertion: the machine is shared). The consumer is paused while the
 * records are sent, so that only applying them is timed; every rebuild runs twice, the
 * first warming up the JIT. The consumer polls with a short timeout, so that it notices
 * it is resumed at once.
 */
@RunningQueryService
@TestPropertySource(properties = "spring.kafka.listener.poll-timeout=100ms")
class ThroughputIT {

	private static final int EVENTS_PER_INCIDENT = 5;

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void theConsumerAppliesEveryEventOfABurstOfInterleavedIncidents() {
		List<IncidentStory> stories = stories(1_000);
		List<EventEnvelope> events = interleaved(stories);
		MessageListenerContainer consumer = this.listeners.getListenerContainer("incident-events-consumer");
		consumer.pause();
		Awaitility.await().atMost(Duration.ofMinutes(1)).until(consumer::isContainerPaused);
		this.topic.sendAll(events);
		StatementCounting.reset();
		long start = System.nanoTime();
		consumer.resume();

		UUID[] ids = stories.stream().map(IncidentStory::id).toArray(UUID[]::new);
		Awaitility.await()
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc
				.sql("SELECT coalesce(sum(last_sequence), 0) FROM projection_progress WHERE incident_id = ANY (?)")
				.param(ids)
				.query(Long.class)
				.single(), (applied) -> applied == events.size());
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("THROUGHPUT consumer: %d events of %d incidents applied in %.1f s: %.0f events/s%n",
				events.size(), stories.size(), seconds, events.size() / seconds);
		System.out.printf(
				"THROUGHPUT consumer JDBC: %.2f statements, %.2f round trips, %.3f commits per event "
						+ "(%d statements, %d round trips, %d commits)%n",
				StatementCounting.statements.get() / (double) events.size(),
				StatementCounting.roundTrips.get() / (double) events.size(),
				StatementCounting.commits.get() / (double) events.size(), StatementCounting.statements.get(),
				StatementCounting.roundTrips.get(), StatementCounting.commits.get());
		assertThat(this.jdbc.sql("SELECT count(*) FROM incidents WHERE status = 'resolved' AND id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(stories.size());
		assertThat(this.jdbc.sql("SELECT count(*) FROM incident_events WHERE incident_id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(events.size());
		assertThat(this.jdbc.sql("SELECT count(*) FROM status_page_updates WHERE incident_id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).as("declared, status changed, public update, resolved").isEqualTo(4L * stories.size());
	}

	@Test
	void everyProjectionIsRebuiltFromFiftyThousandStoredEvents() {
		List<IncidentStory> stories = stories(10_000);
		store(interleaved(stories));
		long stored = this.jdbc.sql("SELECT count(*) FROM incident_events WHERE known").query(Long.class).single();
		List<String> names = new ArrayList<>();
		this.api.admin().get("/api/admin/projections").json().forEach((name) -> names.add(name.asText()));
		assertThat(names).contains("incidents", "status-page", "dashboard", "mttx", "postmortems");

		for (String name : names) {
			rebuild(name, stored);
		}
		for (String name : names) {
			rebuild(name, stored);
		}

		UUID[] ids = stories.stream().map(IncidentStory::id).toArray(UUID[]::new);
		assertThat(this.jdbc.sql("SELECT count(*) FROM incidents WHERE status = 'resolved' AND id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(stories.size());
		assertThat(this.jdbc.sql("SELECT count(*) FROM status_page_updates WHERE incident_id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(4L * stories.size());
		assertThat(this.jdbc.sql("SELECT count(*) FROM mttx_moments WHERE incident_id = ANY (?)")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(stories.size());
	}

	/**
	 * Rebuilds the projection, checks it replayed every stored event, prints how fast.
	 */
	private void rebuild(String name, long stored) {
		long start = System.nanoTime();
		QueryApi.Answer rebuilt = this.api.admin().post("/api/admin/projections/" + name + "/rebuild");
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().path("eventsReplayed").asLong()).isEqualTo(stored);
		System.out.printf("THROUGHPUT rebuild %s: %d events in %.1f s: %.0f events/s%n", name, stored, seconds,
				stored / seconds);
	}

	private static List<IncidentStory> stories(int count) {
		List<IncidentStory> stories = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			stories.add(new IncidentStory());
		}
		return stories;
	}

	/**
	 * Each story's five events, the stories' n-th events together, as many concurrent
	 * incidents would give them.
	 */
	private static List<EventEnvelope> interleaved(List<IncidentStory> stories) {
		List<List<EventEnvelope>> each = stories.stream().map(ThroughputIT::lifecycle).toList();
		List<EventEnvelope> events = new ArrayList<>();
		for (int n = 0; n < EVENTS_PER_INCIDENT; n++) {
			for (List<EventEnvelope> story : each) {
				events.add(story.get(n));
			}
		}
		return events;
	}

	private static List<EventEnvelope> lifecycle(IncidentStory story) {
		String service = "load-" + story.id().toString().substring(0, 8);
		return List.of(story.declared(Severity.SEV_2, "Load " + story.id(), service), story.acknowledged(),
				story.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED),
				story.publicUpdate("A fix is on its way."), story.resolved("Rolled back"));
	}

	/**
	 * Stores the events in the consumer's event log, as the consumer would have: the
	 * source of a rebuild.
	 */
	private void store(List<EventEnvelope> events) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO incident_events (incident_id, sequence, event_id, type, schema_version, occurred_at,
				  recorded_at, actor, actor_name, source, known, payload, wire, applied_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?::jsonb, ?, now())""", events, 1_000, (ps, event) -> {
			ps.setObject(1, event.incidentId().value());
			ps.setLong(2, event.sequence());
			ps.setObject(3, event.eventId());
			ps.setString(4, event.type().name());
			ps.setInt(5, event.schemaVersion());
			ps.setObject(6, Timestamptz.of(event.occurredAt()));
			ps.setObject(7, Timestamptz.of(event.recordedAt()));
			ps.setString(8, event.actor());
			ps.setString(9, event.actorName());
			ps.setString(10, event.source());
			ps.setString(11, new String(IncidentEventCodec.payloadJson(event.payload()), StandardCharsets.UTF_8));
			ps.setBytes(12, IncidentEventCodec.encode(event));
		});
	}

	/**
	 * Counts what the consumer threads send to the database: statements (a batched one
	 * counts once per set of parameters), round trips (a batch is one) and commits.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class StatementCounting {

		static final AtomicLong statements = new AtomicLong();

		static final AtomicLong roundTrips = new AtomicLong();

		static final AtomicLong commits = new AtomicLong();

		static void reset() {
			statements.set(0);
			roundTrips.set(0);
			commits.set(0);
		}

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return new DelegatingDataSource(dataSource) {

						@Override
						public Connection getConnection() throws SQLException {
							return counting(Connection.class, super.getConnection());
						}

					};
				}

			};
		}

		private static <T> T counting(Class<T> type, T target) {
			return type.cast(Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						boolean consumer = Thread.currentThread().getName().contains("incident-events-consumer");
						String name = method.getName();
						if (consumer) {
							if (name.equals("addBatch")) {
								statements.incrementAndGet();
							}
							else if (name.startsWith("execute") && name.contains("Batch")) {
								roundTrips.incrementAndGet();
							}
							else if (name.startsWith("execute")) {
								statements.incrementAndGet();
								roundTrips.incrementAndGet();
							}
							else if (name.equals("commit")) {
								commits.incrementAndGet();
								roundTrips.incrementAndGet();
							}
						}
						Object result;
						try {
							result = method.invoke(target, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
						if (result instanceof PreparedStatement prepared
								&& method.getReturnType() == PreparedStatement.class) {
							return counting(PreparedStatement.class, prepared);
						}
						if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
							return counting(Statement.class, statement);
						}
						return result;
					}));
		}

	}

}
