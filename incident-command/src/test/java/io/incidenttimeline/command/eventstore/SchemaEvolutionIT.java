package io.incidenttimeline.command.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.Timestamps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store written before {@code IncidentDeclared} v3: declarations stored as v1
 * (no {@code openingAlert}, no payload revision) or as v2 (revision 2, no detection).
 * Such an incident still loads, takes commands, and is shown and exported as v3.
 */
@CommandServiceIT
class SchemaEvolutionIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	@ParameterizedTest(name = "{0} stored with revision {1}")
	@CsvSource(value = { "earlier/01-incident-declared.v1.json, NULL", "earlier/01-incident-declared.v2.json, 2" },
			nullValues = "NULL")
	void declarationStoredAsAnEarlierVersionLoadsAndReadsAsVersionThree(String file, String revision) throws Exception {
		EventEnvelope declared = GoldenVectors.earlierVersions().get(file);
		// each run its own incident and event id: both golden vectors are about the same
		UUID eventId = UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		store(file, declared, eventId, id, revision);

		Response note = this.api.post("/api/incidents/" + id + "/notes", "{\"note\":\"after the upgrade\"}");

		assertThat(note.status()).as(note.body()).isEqualTo(200);
		assertThat(note.json().get("sequence").asLong()).isEqualTo(2);
		JsonNode trail = this.api.get("/api/incidents/" + id + "/events").json();
		assertThat(trail.size()).isEqualTo(2);
		JsonNode declaration = trail.get(0);
		assertThat(declaration.get("type").asString()).isEqualTo("IncidentDeclared");
		assertThat(declaration.get("schemaVersion").asInt()).isEqualTo(3);
		assertThat(declaration.get("payload").has("openingAlert")).isTrue();
		assertThat(declaration.get("payload").get("openingAlert").isNull()).isTrue();
		assertThat(declaration.get("payload").has("detectedAt")).isTrue();
		assertThat(declaration.get("payload").get("detectedAt").isNull()).isTrue();
		assertThat(declaration.get("payload").get("detectionMethod").isNull()).isTrue();
		assertThat(declaration.get("payload").get("title").asString())
			.isEqualTo(((IncidentDeclared) declared.payload()).title());
		assertThat(trail.get(1).get("type").asString()).isEqualTo("TimelineNoteAdded");

		Response export = this.api.get("/api/incidents/" + id + "/export");
		ObjectMapper json = IncidentEventCodec.newObjectMapper();
		EventEnvelope exported = IncidentEventCodec.decode(json.writeValueAsBytes(json.readTree(export.body()).get(0)));
		IncidentDeclared original = (IncidentDeclared) declared.payload();
		assertThat(exported.payload()).isEqualTo(new IncidentDeclared(exported.incidentId(), original.title(),
				original.severity(), original.services(), original.impactStartedAt(), original.commander(), null));
		assertThat(exported.eventId()).isEqualTo(eventId);
		assertThat(export.body()).contains("\"type\":\"io.incidenttimeline.IncidentDeclared.v3\"");

		assertThat(this.jdbc.queryForList(
				"SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
				String.class, id))
			.as("the stored row is read as v3, not rewritten; new events carry their version")
			.containsExactly(revision, "1");
	}

	/**
	 * The row as the service wrote it before v3: the payload is the golden vector's data
	 * (for another incident id), with the revision of its time.
	 */
	private void store(String file, EventEnvelope declared, UUID eventId, String id, String revision) throws Exception {
		ObjectMapper json = IncidentEventCodec.newObjectMapper();
		ObjectNode data = (ObjectNode) json.readTree(GoldenVectors.read(file)).get("data");
		data.put("incidentId", id);
		byte[] payload = json.writeValueAsBytes(data);
		String metaData = """
				{"actor":"%s","source":"%s","occurredAt":"%s","recordedAt":"%s"}""".formatted(declared.actor(),
				declared.source(), Timestamps.format(declared.occurredAt()), Timestamps.format(declared.recordedAt()));
		this.jdbc.update("""
				INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
				  time_stamp, payload_type, payload_revision, payload, meta_data)
				VALUES (?, ?, 0, 'Incident', ?, ?, ?, ?, ?)""", eventId.toString(), id,
				declared.recordedAt().toString(), IncidentDeclared.class.getName(), revision, payload,
				metaData.getBytes(StandardCharsets.UTF_8));
		assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("detectedAt");
	}

}
