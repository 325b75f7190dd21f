package io.incidenttimeline.command.publishing;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.command.incident.EventMetadata;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side against the shared golden vectors: an event as Axon stores it (0-based
 * sequence, timestamps in the metadata as text, the actor's display name and the trace
 * context when known) is published as exactly the golden record.
 */
class StoredEventsTest {

	private final ObjectMapper json = IncidentEventCodec.newObjectMapper();

	static Stream<Arguments> goldenVectors() {
		return GoldenVectors.every().entrySet().stream().map((e) -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenVectors")
	void aStoredEventIsPublishedAsItsGoldenVector(String file, EventEnvelope golden) throws Exception {
		Map<String, Object> metaData = new HashMap<>(Map.of(EventMetadata.ACTOR, golden.actor(), EventMetadata.SOURCE,
				golden.source(), EventMetadata.OCCURRED_AT, Timestamps.format(golden.occurredAt()),
				EventMetadata.RECORDED_AT, Timestamps.format(golden.recordedAt())));
		if (golden.actorName() != null) {
			metaData.put(EventMetadata.ACTOR_NAME, golden.actorName());
		}
		if (golden.traceparent() != null) {
			metaData.put(EventMetadata.TRACEPARENT, golden.traceparent());
		}
		GenericDomainEventMessage<?> stored = new GenericDomainEventMessage<>("Incident",
				golden.incidentId().toString(), golden.sequence() - 1, golden.payload(), metaData,
				golden.eventId().toString(), golden.recordedAt());

		EventEnvelope envelope = StoredEvents.toEnvelope(stored);

		assertThat(envelope).isEqualTo(golden);
		assertThat(this.json.readTree(IncidentEventCodec.encode(envelope)))
			.isEqualTo(this.json.readTree(GoldenVectors.read(file)));
	}

}
