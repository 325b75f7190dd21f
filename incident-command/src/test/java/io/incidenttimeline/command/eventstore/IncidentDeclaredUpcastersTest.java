package io.incidenttimeline.command.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.SeverityChanged;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declarations stored as earlier versions, as the earlier golden vectors hold their
 * payload (v1 without a revision, v2 with revision 2), read as version 3 through the
 * upcasters in the order Axon registers them (their {@code @Order}); payloads carry their
 * schema version as revision.
 */
class IncidentDeclaredUpcastersTest {

	final Serializer serializer = new EventStoreConfiguration().eventSerializer();

	/**
	 * Listed the wrong way round on purpose: Axon sorts the upcaster beans by their
	 * {@code @Order}, and so does this test.
	 */
	final EventUpcasterChain chain = new EventUpcasterChain(
			ordered(new IncidentDeclaredV2Upcaster(), new IncidentDeclaredV1Upcaster()));

	static Stream<Arguments> earlierDeclarations() {
		return GoldenVectors.earlierVersions().entrySet().stream().map((e) -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("earlierDeclarations")
	void earlierDeclarationIsReadAsVersionThreeWithoutADetection(String file, EventEnvelope earlier) throws Exception {
		ObjectMapper json = IncidentEventCodec.newObjectMapper();
		byte[] storedPayload = json.writeValueAsBytes(json.readTree(GoldenVectors.read(file)).get("data"));
		assertThat(new String(storedPayload)).doesNotContain("detectedAt").doesNotContain("detectionMethod");
		String revision = file.endsWith(".v1.json") ? null : "2";

		IntermediateEventRepresentation upcast = upcast(stored(storedPayload, revision));

		assertThat(upcast.getType().getRevision()).isEqualTo("3");
		Object payload = this.serializer.deserialize(upcast.getData());
		assertThat(payload).isEqualTo(earlier.payload());
		assertThat(((IncidentDeclared) payload).detectedAt()).isNull();
		assertThat(((IncidentDeclared) payload).detectionMethod()).isNull();
	}

	@Test
	void versionOneGainsNoOpeningAlert() throws Exception {
		ObjectMapper json = IncidentEventCodec.newObjectMapper();
		byte[] v1Payload = json.writeValueAsBytes(
				json.readTree(GoldenVectors.read("earlier/alerts-01-incident-declared.v1.json")).get("data"));
		assertThat(new String(v1Payload)).doesNotContain("openingAlert");

		IncidentDeclared payload = this.serializer.deserialize(upcast(stored(v1Payload, null)).getData());

		assertThat(payload.openingAlert()).isNull();
	}

	@Test
	void currentDeclarationIsLeftAsItIs() {
		EventEnvelope alerted = GoldenVectors.alertStory().get("alerts-01-incident-declared.v3.json");
		byte[] v3Payload = IncidentEventCodec.payloadJson(alerted.payload());

		IntermediateEventRepresentation upcast = upcast(stored(v3Payload, "3"));

		assertThat(upcast.getType().getRevision()).isEqualTo("3");
		assertThat((Object) this.serializer.deserialize(upcast.getData())).isEqualTo(alerted.payload());
	}

	@Test
	void eachEventIsStoredWithItsSchemaVersionAsRevision() {
		EventTypeRevisions revisions = new EventTypeRevisions();

		assertThat(revisions.revisionOf(IncidentDeclared.class)).isEqualTo("3");
		assertThat(revisions.revisionOf(SeverityChanged.class)).isEqualTo("1");
		assertThat(revisions.revisionOf(Instant.class)).isNull();
	}

	private IntermediateEventRepresentation upcast(InitialEventRepresentation stored) {
		List<IntermediateEventRepresentation> upcast = this.chain.upcast(Stream.of(stored)).toList();
		assertThat(upcast).hasSize(1);
		return upcast.get(0);
	}

	private InitialEventRepresentation stored(byte[] payload, String revision) {
		return new InitialEventRepresentation(new GenericDomainEventEntry<>("Incident",
				GoldenVectors.INCIDENT.toString(), 0, "6b2a7f3e-0f4c-4a51-9a39-0c6e6d1f7a10",
				Instant.parse("2026-11-20T10:02:00.123456Z"), IncidentDeclared.class.getName(), revision, payload,
				this.serializer.serialize(Map.of("actor", "alice"), byte[].class).getData()), this.serializer);
	}

	private static List<EventUpcaster> ordered(EventUpcaster... upcasters) {
		List<EventUpcaster> list = new ArrayList<>(List.of(upcasters));
		AnnotationAwareOrderComparator.sort(list);
		return list;
	}

}
