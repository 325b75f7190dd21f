package io.incidenttimeline.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentEventCodecTest {

	private final ObjectMapper json = IncidentEventCodec.newObjectMapper();

	static Stream<Arguments> goldenVectors() {
		return GoldenVectors.every().entrySet().stream().map((e) -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenVectors")
	void goldenVectorReadsAsItsEnvelope(String file, EventEnvelope expected) {
		EventEnvelope read = IncidentEventCodec.decode(GoldenVectors.read(file));

		assertThat(read).isEqualTo(expected);
	}

	static Stream<Arguments> earlierVersions() {
		return GoldenVectors.earlierVersions().entrySet().stream().map((e) -> Arguments.of(e.getKey(), e.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("earlierVersions")
	void earlierVersionStillReadsAsItsEnvelope(String file, EventEnvelope expected) {
		EventEnvelope read = IncidentEventCodec.decode(GoldenVectors.read(file));

		assertThat(read).isEqualTo(expected);
		assertThat(GoldenVectors.read(file)).asString().containsPattern("\\.v[12]\"");
	}

	@Test
	void everyEarlierVersionHasAGoldenVector() {
		List<String> covered = GoldenVectors.earlierVersions()
			.keySet()
			.stream()
			.map((file) -> new String(GoldenVectors.read(file), StandardCharsets.UTF_8))
			.toList();

		assertThat(EventTypes.readable()).filteredOn((type) -> !EventTypes.all().contains(type))
			.isNotEmpty()
			.allSatisfy((type) -> assertThat(covered)
				.anySatisfy((text) -> assertThat(text).contains("\"" + type.cloudEventType() + "\"")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenVectors")
	void envelopeWritesAsItsGoldenVector(String file, EventEnvelope envelope) throws Exception {
		JsonNode written = this.json.readTree(IncidentEventCodec.encode(envelope));

		assertThat(written).isEqualTo(this.json.readTree(GoldenVectors.read(file)));
	}

	@Test
	void everyRegisteredEventTypeHasAGoldenVector() {
		List<String> covered = GoldenVectors.every().values().stream().map((e) -> e.type().name()).toList();

		assertThat(EventTypes.all()).allSatisfy((type) -> assertThat(covered).contains(type.name()));
	}

	@Test
	void goldenVectorsAreOneIncidentInSequenceOrder() {
		List<Long> sequences = GoldenVectors.all().values().stream().map(EventEnvelope::sequence).toList();

		assertThat(sequences).isSorted().doesNotHaveDuplicates().startsWith(1L);
	}

	@Test
	void readerIgnoresUnknownAttributesAndFields() throws Exception {
		byte[] withExtras = getClass().getResourceAsStream("/wire/declared-with-unknown-fields.json").readAllBytes();

		EventEnvelope read = IncidentEventCodec.decode(withExtras);

		assertThat(read).isEqualTo(GoldenVectors.earlierVersions().get("earlier/01-incident-declared.v1.json"));
	}

	@Test
	void timestampsKeepMicrosecondsAndAreWrittenInUtcWithSixDigits() throws Exception {
		EventEnvelope envelope = GoldenVectors.all().get("01-incident-declared.v3.json");
		EventEnvelope precise = new EventEnvelope(envelope.eventId(), envelope.incidentId(), 1,
				Instant.parse("2026-11-20T10:02:00.000001999Z"), Instant.parse("2026-11-20T10:02:00.100000Z"), "alice",
				"web", envelope.payload());

		JsonNode written = this.json.readTree(IncidentEventCodec.encode(precise));

		assertThat(written.get("time").asText()).isEqualTo("2026-11-20T10:02:00.000001Z");
		assertThat(written.get("recordedtime").asText()).isEqualTo("2026-11-20T10:02:00.100000Z");
		assertThat(IncidentEventCodec.decode(IncidentEventCodec.encode(precise)).occurredAt())
			.isEqualTo(Instant.parse("2026-11-20T10:02:00.000001Z"));
	}

	@Test
	void unknownEventTypeStillNamesItsIncidentAndSequence() {
		String unknown = new String(GoldenVectors.read("08-timeline-note-added.v1.json"), StandardCharsets.UTF_8)
			.replace("io.incidenttimeline.TimelineNoteAdded.v1", "io.incidenttimeline.PostmortemPublished.v3");

		assertThatThrownBy(() -> IncidentEventCodec.decode(unknown.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(UnknownEventTypeException.class, (ex) -> {
				assertThat(ex.incidentId()).isEqualTo(GoldenVectors.INCIDENT);
				assertThat(ex.sequence()).isEqualTo(8);
				assertThat(ex.type()).isEqualTo("io.incidenttimeline.PostmortemPublished.v3");
			});
	}

	static Stream<Arguments> malformed() {
		String declared = new String(GoldenVectors.read("01-incident-declared.v3.json"), StandardCharsets.UTF_8);
		return Stream.of(Arguments.of("truncated", declared.substring(0, declared.length() / 2)),
				Arguments.of("not json", "hello"), Arguments.of("no subject", declared.replace("\"subject\"", "\"x\"")),
				Arguments.of("no sequence", declared.replace("\"sequence\"", "\"x\"")),
				Arguments.of("no recordedtime", declared.replace("\"recordedtime\"", "\"x\"")),
				Arguments.of("blank title", declared.replace("Checkout returns HTTP 500", " ")),
				Arguments.of("unknown severity", declared.replace("SEV-2", "SEV-9")),
				Arguments.of("payload of another incident",
						declared.replace("\"incidentId\" : \"6f1c2d3e", "\"incidentId\" : \"00000000")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void malformedRecordIsRejectedWithAReason(String name, String text) {
		assertThatThrownBy(() -> IncidentEventCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining(" ");
	}

	@Test
	void envelopeRejectsPayloadOfAnotherIncident() {
		IncidentId other = IncidentId.random();

		assertThatThrownBy(() -> new EventEnvelope(UUID.randomUUID(), other, 1, Instant.now(), Instant.now(), "a",
				"web", new IncidentAcknowledged(GoldenVectors.INCIDENT)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("payload");
	}

	@Test
	void eventTypesAreNamedAndVersioned() {
		assertThat(EventTypes.of(IncidentDeclared.class).cloudEventType())
			.isEqualTo("io.incidenttimeline.IncidentDeclared.v3");
		assertThat(EventTypes.byCloudEventType("io.incidenttimeline.IncidentDeclared.v1"))
			.map(EventTypes.EventType::javaType)
			.contains(IncidentDeclared.class);
		assertThat(EventTypes.byCloudEventType("io.incidenttimeline.IncidentDeclared.v2"))
			.map(EventTypes.EventType::javaType)
			.contains(IncidentDeclared.class);
		assertThat(Map.copyOf(GoldenVectors.all())).hasSize(10);
		assertThat(GoldenVectors.alertStory().values()).extracting(EventEnvelope::sequence)
			.containsExactly(1L, 2L, 3L, 4L);
	}

}
