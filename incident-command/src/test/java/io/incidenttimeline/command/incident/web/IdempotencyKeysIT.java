package io.incidenttimeline.command.incident.web;

import java.time.Duration;
import java.util.UUID;

import io.incidenttimeline.command.CommandApi;
import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.command.CommandServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys belong to their caller and expire (24 hours by default); expired ones
 * are deleted in batches.
 */
@CommandServiceIT
class IdempotencyKeysIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdempotentCommands idempotency;

	CommandApi api;

	@BeforeEach
	void setUp() {
		this.api = new CommandApi(this.port);
	}

	@Test
	void theSameIdempotencyKeyFromTwoCallersIsTwoCommands() {
		String key = UUID.randomUUID().toString();
		String body = """
				{"title":"Two callers, one key","severity":"SEV-3","services":["search"]}""";

		Response alices = this.api.post("/api/incidents", body, "Idempotency-Key", key);
		Response carols = this.api.as("carol").post("/api/incidents", body, "Idempotency-Key", key);
		Response alicesRetry = this.api.post("/api/incidents", body, "Idempotency-Key", key);

		assertThat(alices.status()).isEqualTo(201);
		assertThat(carols.status()).isEqualTo(201);
		assertThat(carols.json().get("incidentId")).isNotEqualTo(alices.json().get("incidentId"));
		assertThat(alicesRetry.body()).isEqualTo(alices.body());
		assertThat(this.jdbc.queryForList("SELECT principal FROM idempotency_key WHERE idempotency_key = ?",
				String.class, key))
			.containsExactlyInAnyOrder("alice", "carol");
	}

	@Test
	void anExpiredIdempotencyKeyIsANewRequest() {
		String key = UUID.randomUUID().toString();
		String body = """
				{"title":"Expiring key","severity":"SEV-3","services":["search"]}""";
		Response first = this.api.post("/api/incidents", body, "Idempotency-Key", key);
		age(key, Duration.ofHours(23));
		Response withinLifetime = this.api.post("/api/incidents", body, "Idempotency-Key", key);
		age(key, Duration.ofHours(2));

		Response afterExpiry = this.api.post("/api/incidents", body, "Idempotency-Key", key);

		assertThat(withinLifetime.body()).isEqualTo(first.body());
		assertThat(afterExpiry.status()).isEqualTo(201);
		assertThat(afterExpiry.json().get("incidentId")).isNotEqualTo(first.json().get("incidentId"));
		assertThat(this.api.post("/api/incidents", body, "Idempotency-Key", key).body())
			.as("the new request owns the key now")
			.isEqualTo(afterExpiry.body());
	}

	@Test
	void theCleanupDeletesOnlyExpiredKeysInBatches() {
		String expired = UUID.randomUUID().toString();
		String live = UUID.randomUUID().toString();
		this.api.post("/api/incidents", """
				{"title":"Old key","severity":"SEV-4","services":["search"]}""", "Idempotency-Key", expired);
		this.api.post("/api/incidents", """
				{"title":"New key","severity":"SEV-4","services":["search"]}""", "Idempotency-Key", live);
		age(expired, Duration.ofHours(25));
		this.jdbc.update("""
				INSERT INTO idempotency_key (principal, idempotency_key, method, path, request_sha256, created_at)
				SELECT 'nobody', 'old-' || n, 'POST', '/api/incidents', repeat('0', 64), now() - interval '30 hours'
				FROM generate_series(1, 2500) AS n""");

		int deleted = this.idempotency.deleteExpiredKeys();

		assertThat(deleted).as("three batches of 1000").isGreaterThanOrEqualTo(2501);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM idempotency_key WHERE created_at < now() - interval '24 hours'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForList("SELECT idempotency_key FROM idempotency_key WHERE idempotency_key IN (?, ?)",
				String.class, expired, live))
			.containsExactly(live);
	}

	/**
	 * Makes a key older than it is, as if time had passed.
	 */
	private void age(String key, Duration by) {
		this.jdbc.update(
				"UPDATE idempotency_key SET created_at = created_at - ? * interval '1 second' WHERE idempotency_key = ?",
				by.toSeconds(), key);
	}

}
