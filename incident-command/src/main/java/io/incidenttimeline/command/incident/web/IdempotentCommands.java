package io.incidenttimeline.command.incident.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.incidenttimeline.command.incident.CommandResult;
import io.incidenttimeline.command.web.InvalidRequestException;
import io.incidenttimeline.command.web.RequestBodyLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.codec.digest.DigestUtils;
import org.axonframework.commandhandling.gateway.CommandGateway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command inside one database transaction, together with its Idempotency-Key when
 * the request has one. Axon's unit of work joins that transaction (the command bus runs
 * in this thread), so the key, the response and the event commit or roll back together: a
 * failed command leaves no key behind.
 *
 * The key is claimed first with {@code INSERT ... ON CONFLICT DO NOTHING}: a concurrent
 * request with the same key waits on the row until the first one commits, then finds it
 * and answers with its response instead of appending again.
 */
@Component
class IdempotentCommands {

	static final String HEADER = "Idempotency-Key";

	/**
	 * The key column's width.
	 */
	static final int MAX_KEY = 255;

	private final CommandGateway commandGateway;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	IdempotentCommands(CommandGateway commandGateway, TransactionTemplate transaction, JdbcTemplate jdbc,
			JsonMapper jsonMapper, Clock clock) {
		this.commandGateway = commandGateway;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	ResponseEntity<CommandResult> send(HttpServletRequest request, HttpStatus status, Object command) {
		String key = request.getHeader(HEADER);
		if (key == null) {
			CommandResult result = this.transaction.execute((tx) -> this.commandGateway.sendAndWait(command));
			return response(status, result);
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw new InvalidRequestException(HEADER, "must be 1 to " + MAX_KEY + " characters");
		}
		String method = request.getMethod();
		String path = request.getRequestURI();
		String digest = DigestUtils.sha256Hex(RequestBodyLimit.body(request));
		StoredResponse stored = this.transaction.execute((tx) -> {
			int claimed = this.jdbc.update("""
					INSERT INTO idempotency_key (idempotency_key, method, path, request_sha256, created_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", key, method, path, digest,
					Timestamp.from(this.clock.instant()));
			if (claimed == 0) {
				return earlier(key, method, path, digest);
			}
			CommandResult result = this.commandGateway.sendAndWait(command);
			this.jdbc.update(
					"UPDATE idempotency_key SET response_status = ?, response_body = ? WHERE idempotency_key = ?",
					status.value(), this.jsonMapper.writeValueAsString(result), key);
			return new StoredResponse(status, result);
		});
		return response(stored.status(), stored.result());
	}

	private StoredResponse earlier(String key, String method, String path, String digest) {
		List<StoredResponse> rows = this.jdbc.query(
				"SELECT method, path, request_sha256, response_status, response_body FROM idempotency_key WHERE idempotency_key = ?",
				(row, i) -> {
					if (!method.equals(row.getString("method")) || !path.equals(row.getString("path"))
							|| !digest.equals(row.getString("request_sha256"))) {
						throw new IdempotencyKeyReusedException(
								"this Idempotency-Key was already used for another request");
					}
					return new StoredResponse(HttpStatus.valueOf(row.getInt("response_status")),
							this.jsonMapper.readValue(row.getString("response_body"), CommandResult.class));
				}, key);
		return rows.get(0);
	}

	private static ResponseEntity<CommandResult> response(HttpStatus status, CommandResult result) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
		if (status == HttpStatus.CREATED) {
			builder.location(URI.create("/api/incidents/" + result.incidentId()));
		}
		return builder.body(result);
	}

	private record StoredResponse(HttpStatus status, CommandResult result) {

	}

}
