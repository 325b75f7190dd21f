package io.incidenttimeline.command.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail and the export: stored events in the form they are published in.
 */
@CommandServiceIT
class AuditTrailIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventStore eventStore;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	@Test
	void anIncidentExportsAsTheCloudEventsItTravelsAsOnKafka() throws Exception {
		String id = this.api.declare();
		this.api.post(path(id, "notes"), "{\"note\":\"exported\"}");

		Response batch = this.api.get("/api/incidents/" + id + "/export");
		Response audit = this.api.get("/api/incidents/" + id + "/events", "Accept", "*/*");

		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.headers().getContentType()).hasToString("application/cloudevents-batch+json");
		List<EventEnvelope> stored = this.eventStore.readEvents(id).asStream().map(StoredEvents::toEnvelope).toList();
		com.fasterxml.jackson.databind.ObjectMapper json = IncidentEventCodec.newObjectMapper();
		List<EventEnvelope> exported = new ArrayList<>();
		for (com.fasterxml.jackson.databind.JsonNode event : json.readTree(batch.body())) {
			exported.add(IncidentEventCodec.decode(json.writeValueAsBytes(event)));
		}
		assertThat(exported).containsExactlyElementsOf(stored);
		assertThat(audit.headers().getContentType()).hasToString("application/json");
		assertThat(audit.json().get(1).get("type").asString()).isEqualTo("TimelineNoteAdded");
	}

	@Test
	void storedPayloadsAreTheWireFormatAndReadBackAsTheSameEnvelopes() {
		String id = this.api
			.post("/api/incidents",
					"""
							{"title":"Login fails","severity":"SEV-2","services":["login"],"impactStartedAt":"%s"}"""
						.formatted(Instant.now().minusSeconds(7200)))
			.json()
			.get("incidentId")
			.asString();
		Response assigned = this.api.post(path(id, "roles"), """
				{"role":"scribe","assignee":"dave","occurredAt":"%s"}""".formatted(Instant.now().minusSeconds(3600)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

		List<EventEnvelope> envelopes = this.eventStore.readEvents(id)
			.asStream()
			.map(StoredEvents::toEnvelope)
			.toList();
		assertThat(envelopes).hasSize(2);
		assertThat(envelopes).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
		EventEnvelope role = envelopes.get(1);
		assertThat(role.isBackdated()).isTrue();
		assertThat(role.actor()).isEqualTo("alice");
		assertThat(role.source()).isEqualTo("api");
		assertThat(IncidentEventCodec.decode(IncidentEventCodec.encode(role))).isEqualTo(role);

		List<? extends DomainEventMessage<?>> messages = this.eventStore.readEvents(id).asStream().toList();
		assertThat(role.eventId()).isEqualTo(UUID.fromString(messages.get(1).getIdentifier()));
		byte[] payload = this.jdbc.queryForObject(
				"SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
				byte[].class, id);
		assertThat(new String(payload)).isEqualTo(new String(IncidentEventCodec.payloadJson(role.payload())));

		JsonNode trail = this.api.get(path(id, "events")).json();
		assertThat(trail.get(1).get("eventId").asString()).isEqualTo(role.eventId().toString());
		assertThat(trail.get(1).get("occurredAt").asString()).isEqualTo(Timestamps.format(role.occurredAt()));
	}

	@Test
	void unknownIncidentHasNoTrailAndNoExport() {
		String unknown = UUID.randomUUID().toString();

		for (Response response : List.of(this.api.get(path(unknown, "events")),
				this.api.get(path(unknown, "export")))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.json().get("type").asString()).endsWith("/unknown-incident");
		}
		Response notAnId = this.api.get(path("not-a-uuid", "events"));
		assertThat(notAnId.status()).isEqualTo(400);
		assertThat(notAnId.errorFields()).containsExactly("incidentId");
		assertThat(notAnId.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a UUID");
	}

	private static String path(String id, String action) {
		return "/api/incidents/" + id + "/" + action;
	}

}
