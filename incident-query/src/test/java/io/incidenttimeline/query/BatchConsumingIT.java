package io.incidenttimeline.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.testsupport.IncidentStory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue #12: the consumer applies a poll's records in one transaction, sorting each as it
 * would alone (duplicate, early arrival, next), and when the poll cannot be applied as a
 * whole it applies each record on its own, so that a failing record holds up only its
 * incident. The consumer is paused while a test sends the records of one partition, so
 * that they come in one poll. The {@link Recording} projection writes a row per event it
 * applies, in the consumer's transaction: what is committed shows each event applied
 * exactly once.
 */
@RunningQueryService
@TestPropertySource(properties = "spring.kafka.listener.poll-timeout=100ms")
class BatchConsumingIT {

	private static final int PARTITIONS = 3;

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@BeforeEach
	void recordingTable() {
		this.jdbc
			.sql("CREATE TABLE IF NOT EXISTS batch_it_applied (incident_id uuid NOT NULL, sequence bigint NOT NULL)")
			.update();
	}

	@AfterEach
	void heal() {
		Recording.bugFor = null;
		consumer().resume();
	}

	@Test
	void aPollOfInterleavedIncidentsWithDuplicatesAndGapsIsAppliedInOneTransaction() {
		IncidentStory a = new IncidentStory();
		IncidentStory b = onTheSamePartitionAs(a);
		IncidentStory c = onTheSamePartitionAs(a);
		IncidentStory d = onTheSamePartitionAs(a);
		EventEnvelope a1 = a.declared("Batch A");
		EventEnvelope a2 = a.note("A goes on");
		EventEnvelope a3 = a.resolved("A is over");
		EventEnvelope b1 = b.declared("Batch B");
		EventEnvelope b2 = b.acknowledged();
		EventEnvelope c1 = c.declared("Batch C");
		EventEnvelope c2 = c.note("C in between");
		EventEnvelope c3 = c.note("C arrives before its predecessor");
		EventEnvelope d1 = d.declared("Batch D");
		EventEnvelope d2 = d.note("D withheld");
		EventEnvelope d3 = d.note("D waits for the withheld one");
		double duplicatesBefore = counter("incident.query.duplicates.skipped");
		double gapsBefore = counter("incident.query.sequence.gaps");

		inOnePoll(() -> this.topic.sendAll(List.of(a1, b1, a1, c1, a2, b2, c3, b2, d1, c2, a3, d3)));

		awaitSequence(a, 3);
		awaitSequence(b, 2);
		awaitSequence(c, 3);
		awaitSequence(d, 1);
		assertThat(this.api.get("/api/incidents/" + a.incident()).json().path("status").asText()).isEqualTo("resolved");
		assertThat(this.api.get("/api/incidents/" + b.incident()).json().path("acknowledgement").path("by").isTextual())
			.isTrue();
		assertThat(sequencesOf(c)).containsExactly(1L, 2L, 3L);
		assertThat(applied(a, b, c, d)).as("each event applied once")
			.containsExactlyInAnyOrder(tuple(a.id(), 1L), tuple(a.id(), 2L), tuple(a.id(), 3L), tuple(b.id(), 1L),
					tuple(b.id(), 2L), tuple(c.id(), 1L), tuple(c.id(), 2L), tuple(c.id(), 3L), tuple(d.id(), 1L));
		assertThat(this.jdbc.sql("SELECT count(DISTINCT applied_at) FROM incident_events WHERE incident_id = ANY (?)")
			.param(new UUID[] { a.id(), b.id(), c.id(), d.id() })
			.query(Long.class)
			.single()).as("applied in one transaction").isEqualTo(1);
		assertThat(parked(d)).containsExactly(tuple(3L, "waiting-for-predecessor"));
		assertThat(parked(c)).isEmpty();
		eventually().until(() -> counter("incident.query.duplicates.skipped"), (n) -> n == duplicatesBefore + 2);
		assertThat(counter("incident.query.sequence.gaps")).isEqualTo(gapsBefore + 2);

		this.topic.send(d2);

		awaitSequence(d, 3);
		assertThat(parked(d)).isEmpty();
		assertThat(applied(d)).containsExactlyInAnyOrder(tuple(d.id(), 1L), tuple(d.id(), 2L), tuple(d.id(), 3L));
	}

	@Test
	void aPollThatFailsIsAppliedRecordByRecordSoOnlyThePoisonedIncidentWaits() {
		IncidentStory e = new IncidentStory();
		IncidentStory x = onTheSamePartitionAs(e);
		IncidentStory f = onTheSamePartitionAs(e);
		Recording.bugFor = "Poisoned " + x.id();
		double deadBefore = counter("incident.query.dead.lettered");
		List<EventEnvelope> before = List.of(e.declared("Batch E"), x.declared(Recording.bugFor),
				f.declared("Batch F"));
		List<EventEnvelope> after = List.of(e.note("E goes on"), x.note("X waits behind its declaration"),
				f.acknowledged());

		inOnePoll(() -> {
			this.topic.sendAll(before);
			this.topic.send(e.incident().toString(), "not an event at all".getBytes(StandardCharsets.UTF_8));
			this.topic.sendAll(after);
		});

		awaitSequence(e, 2);
		awaitSequence(f, 2);
		assertThat(eventually().until(() -> parked(x), (found) -> found.size() == 2))
			.containsExactly(tuple(1L, "failed"), tuple(2L, "waiting-for-predecessor"));
		assertThat(this.api.get("/api/incidents/" + x.incident()).status()).isEqualTo(404);
		ConsumerRecord<String, byte[]> deadLetter = this.topic.deadLetter(e.incident().toString());
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an event at all");
		assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
				StandardCharsets.UTF_8))
			.isEqualTo("io.incidenttimeline.events.MalformedEventException");
		eventually().until(() -> counter("incident.query.dead.lettered"), (count) -> count == deadBefore + 1);
		assertThat(applied(e, x, f)).as("each event of the others applied once, nothing of the poisoned one")
			.containsExactlyInAnyOrder(tuple(e.id(), 1L), tuple(e.id(), 2L), tuple(f.id(), 1L), tuple(f.id(), 2L));

		Recording.bugFor = null;
		QueryApi.Answer retried = this.api.admin().post("/api/admin/parked/" + x.incident() + "/retry");

		assertThat(retried.status()).isEqualTo(200);
		awaitSequence(x, 2);
		assertThat(applied(x)).containsExactlyInAnyOrder(tuple(x.id(), 1L), tuple(x.id(), 2L));
	}

	/**
	 * Pauses the consumer, sends, resumes it: what was sent comes in one poll (of each
	 * partition).
	 */
	private void inOnePoll(Runnable send) {
		MessageListenerContainer consumer = consumer();
		consumer.pause();
		Awaitility.await().atMost(Duration.ofMinutes(1)).until(consumer::isContainerPaused);
		send.run();
		consumer.resume();
	}

	private MessageListenerContainer consumer() {
		return this.listeners.getListenerContainer("incident-events-consumer");
	}

	private List<Tuple> applied(IncidentStory... stories) {
		return this.jdbc.sql("SELECT incident_id, sequence FROM batch_it_applied WHERE incident_id = ANY (?)")
			.param(Arrays.stream(stories).map(IncidentStory::id).toArray(UUID[]::new))
			.query((rs, row) -> tuple(rs.getObject("incident_id", UUID.class), rs.getLong("sequence")))
			.list();
	}

	private List<Long> sequencesOf(IncidentStory story) {
		return this.jdbc.sql("SELECT sequence FROM incident_events WHERE incident_id = ? ORDER BY sequence")
			.param(story.id())
			.query(Long.class)
			.list();
	}

	private List<Tuple> parked(IncidentStory story) {
		return this.jdbc.sql("SELECT sequence, kind FROM parked_events WHERE incident_id = ? ORDER BY sequence")
			.param(story.id())
			.query((rs, row) -> tuple(rs.getLong("sequence"), rs.getString("kind")))
			.list();
	}

	private JsonNode awaitSequence(IncidentStory story, long sequence) {
		return eventually()
			.until(() -> this.api.get("/api/incidents/" + story.incident()),
					(answer) -> answer.status() == 200 && answer.json().path("lastSequence").asLong() == sequence)
			.json();
	}

	private static IncidentStory onTheSamePartitionAs(IncidentStory story) {
		IncidentStory other = new IncidentStory();
		while (partition(other) != partition(story)) {
			other = new IncidentStory();
		}
		return other;
	}

	private static int partition(IncidentStory story) {
		return Utils.toPositive(Utils.murmur2(story.incident().toString().getBytes(StandardCharsets.UTF_8)))
				% PARTITIONS;
	}

	private double counter(String name) {
		try {
			return this.meters.get(name).counters().stream().mapToDouble((c) -> c.count()).sum();
		}
		catch (MeterNotFoundException ex) {
			return 0;
		}
	}

	/**
	 * A projection that writes a row per event it applies and fails deterministically on
	 * the declaration titled {@link #bugFor}. It does not override
	 * {@link Projection#applyAll}: the consumer's batches reach it one event at a time.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		static volatile String bugFor;

		@Bean
		Projection recordingProjection(JdbcClient jdbc) {
			return new Projection() {

				@Override
				public String name() {
					return "batch-it-recording";
				}

				@Override
				public List<String> tables() {
					return List.of("batch_it_applied");
				}

				@Override
				public void apply(EventEnvelope event) {
					if (event.payload() instanceof IncidentDeclared declared && declared.title().equals(bugFor)) {
						throw new IllegalStateException("a projection bug (test)");
					}
					jdbc.sql("INSERT INTO batch_it_applied (incident_id, sequence) VALUES (?, ?)")
						.params(event.incidentId().value(), event.sequence())
						.update();
				}

			};
		}

	}

}
