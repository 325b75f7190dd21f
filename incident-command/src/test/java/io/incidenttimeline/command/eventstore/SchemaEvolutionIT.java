package io.incidenttimeline.command.eventstore;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.GoldenVectors;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.Timestamps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store written before {@code IncidentDeclared} v2: its declarations have no
 * {@code openingAlert} and no payload revision. Such an incident still loads, takes
 * commands, and is shown and exported as v2.
 */
@CommandServiceIT
class SchemaEvolutionIT {

	private static final String V1_DECLARATION = "earlier/01-incident-declared.v1.json";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	@Test
	void declarationStoredBeforeVersionTwoLoadsAndReadsAsVersionTwo() throws Exception {
		EventEnvelope declared = GoldenVectors.earlierVersions().get(V1_DECLARATION);
		String id = declared.incidentId().toString();
		storeAsV1(declared);

		Response note = this.api.post("/api/incidents/" + id + "/notes", "{\"note\":\"after the upgrade\"}");

		assertThat(note.status()).as(note.body()).isEqualTo(200);
		assertThat(note.json().get("sequence").asLong()).isEqualTo(2);
		JsonNode trail = this.api.get("/api/incidents/" + id + "/events").json();
		assertThat(trail.size()).isEqualTo(2);
		JsonNode declaration = trail.get(0);
		assertThat(declaration.get("type").asString()).isEqualTo("IncidentDeclared");
		assertThat(declaration.get("schemaVersion").asInt()).isEqualTo(2);
		assertThat(declaration.get("eventId").asString()).isEqualTo(declared.eventId().toString());
		assertThat(declaration.get("payload").has("openingAlert")).isTrue();
		assertThat(declaration.get("payload").get("openingAlert").isNull()).isTrue();
		assertThat(declaration.get("payload").get("title").asString())
			.isEqualTo(((IncidentDeclared) declared.payload()).title());
		assertThat(trail.get(1).get("type").asString()).isEqualTo("TimelineNoteAdded");

		Response export = this.api.get("/api/incidents/" + id + "/export");
		EventEnvelope exported = IncidentEventCodec.decode(IncidentEventCodec.newObjectMapper()
			.writeValueAsBytes(IncidentEventCodec.newObjectMapper().readTree(export.body()).get(0)));
		assertThat(exported).isEqualTo(declared);
		assertThat(export.body()).contains("\"type\":\"io.incidenttimeline.IncidentDeclared.v2\"");

		assertThat(this.jdbc.queryForList(
				"SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
				String.class, id))
			.as("the stored v1 row is read as v2, not rewritten; new events carry their version")
			.containsExactly(null, "1");
	}

	/**
	 * The row as the service wrote it before v2: the payload is the v1 golden vector's
	 * data, no revision.
	 */
	private void storeAsV1(EventEnvelope declared) throws Exception {
		ObjectMapper json = IncidentEventCodec.newObjectMapper();
		byte[] payload = json.writeValueAsBytes(json.readTree(GoldenVectors.read(V1_DECLARATION)).get("data"));
		String metaData = """
				{"actor":"%s","source":"%s","occurredAt":"%s","recordedAt":"%s"}""".formatted(declared.actor(),
				declared.source(), Timestamps.format(declared.occurredAt()), Timestamps.format(declared.recordedAt()));
		this.jdbc.update("""
				INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
				  time_stamp, payload_type, payload_revision, payload, meta_data)
				VALUES (?, ?, 0, 'Incident', ?, ?, NULL, ?, ?)""", declared.eventId().toString(),
				declared.incidentId().toString(), declared.recordedAt().toString(), IncidentDeclared.class.getName(),
				payload, metaData.getBytes(StandardCharsets.UTF_8));
		assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("openingAlert");
	}

}
