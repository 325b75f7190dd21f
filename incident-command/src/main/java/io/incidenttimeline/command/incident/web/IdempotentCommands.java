package io.incidenttimeline.command.incident.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.incidenttimeline.command.incident.CommandResult;
import io.incidenttimeline.command.web.InvalidRequestException;
import io.incidenttimeline.command.web.RequestBodyLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.codec.digest.DigestUtils;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command inside one database transaction, together with its Idempotency-Key when
 * the request has one. Axon's unit of work joins that transaction (the command bus runs
 * in this thread), so the key, the response and the event commit or roll back together: a
 * failed command leaves no key behind.
 * <p>
 * A key belongs to the caller who sent it (the token's subject): the same key from two
 * callers is two requests. It answers for its first request for the configured lifetime
 * ({@link IdempotencyProperties#keyTtl()}); after that it is a new request, and
 * {@link #deleteExpiredKeys()} removes it.
 * <p>
 * The key is claimed first with {@code INSERT ... ON CONFLICT}, which takes over an
 * expired row and leaves a live one alone: a concurrent request with the same key waits
 * on the row until the first one commits, then finds it and answers with its response
 * instead of appending again.
 * <p>
 * With several instances, another one may append to the incident between this instance's
 * check of its cached copy and its own append; the append then loses on the store's
 * unique key. The rollback evicted the copy, so the command is sent once more, in a new
 * transaction, and decided on the stored history: the client sees a 409 only for a
 * conflict its command really has.
 */
@Component
class IdempotentCommands {

	static final String HEADER = "Idempotency-Key";

	/**
	 * The key column's width.
	 */
	static final int MAX_KEY = 255;

	private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

	private final CommandGateway commandGateway;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final IdempotencyProperties properties;

	IdempotentCommands(CommandGateway commandGateway, TransactionTemplate transaction, JdbcTemplate jdbc,
			JsonMapper jsonMapper, Clock clock, IdempotencyProperties properties) {
		this.commandGateway = commandGateway;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Sends a command that answers with a {@link CommandResult}; a 201 points at the
	 * incident.
	 */
	ResponseEntity<CommandResult> send(HttpServletRequest request, Actor actor, HttpStatus status, Object command) {
		return send(request, actor, status, command, CommandResult.class,
				(result) -> URI.create("/api/incidents/" + result.incidentId()));
	}

	/**
	 * Sends a command that answers with a {@code resultType}; a 201 points at
	 * {@code location} of the result.
	 */
	<R> ResponseEntity<R> send(HttpServletRequest request, Actor actor, HttpStatus status, Object command,
			Class<R> resultType, Function<R, URI> location) {
		String key = request.getHeader(HEADER);
		if (key == null) {
			R result = retriedOnce(
					() -> this.transaction.execute((tx) -> resultType.cast(this.commandGateway.sendAndWait(command))));
			return response(status, result, location);
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw new InvalidRequestException(HEADER, "must be 1 to " + MAX_KEY + " characters");
		}
		String principal = actor.id();
		String method = request.getMethod();
		String path = request.getRequestURI();
		String digest = DigestUtils.sha256Hex(RequestBodyLimit.body(request));
		Instant now = this.clock.instant();
		StoredResponse<R> stored = retriedOnce(() -> this.transaction.execute((tx) -> {
			int claimed = this.jdbc.update("""
					INSERT INTO idempotency_key (principal, idempotency_key, method, path, request_sha256, created_at)
					VALUES (?, ?, ?, ?, ?, ?)
					ON CONFLICT (principal, idempotency_key) DO UPDATE
					  SET method = EXCLUDED.method, path = EXCLUDED.path, request_sha256 = EXCLUDED.request_sha256,
					    response_status = NULL, response_body = NULL, created_at = EXCLUDED.created_at
					  WHERE idempotency_key.created_at < ?""", principal, key, method, path, digest,
					Timestamp.from(now), Timestamp.from(expiredBefore(now)));
			if (claimed == 0) {
				return earlier(principal, key, method, path, digest, resultType);
			}
			R result = resultType.cast(this.commandGateway.sendAndWait(command));
			this.jdbc.update("""
					UPDATE idempotency_key SET response_status = ?, response_body = ?
					WHERE principal = ? AND idempotency_key = ?""", status.value(),
					this.jsonMapper.writeValueAsString(result), principal, key);
			return new StoredResponse<>(status, result);
		}));
		return response(stored.status(), stored.result(), location);
	}

	/**
	 * Deletes expired keys a batch at a time. Several instances may run this at once:
	 * each skips the rows another has locked (as does a request taking over an expired
	 * key).
	 * @return how many keys were deleted
	 */
	@Scheduled(fixedDelayString = "${incident-timeline.idempotency.cleanup-interval:10m}",
			initialDelayString = "${incident-timeline.idempotency.cleanup-interval:10m}")
	int deleteExpiredKeys() {
		Timestamp expired = Timestamp.from(expiredBefore(this.clock.instant()));
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update("""
					DELETE FROM idempotency_key WHERE ctid IN (
					  SELECT ctid FROM idempotency_key WHERE created_at < ?
					  LIMIT ? FOR UPDATE SKIP LOCKED)""", expired, this.properties.cleanupBatchSize());
			total += deleted;
		}
		while (deleted == this.properties.cleanupBatchSize());
		if (total > 0) {
			log.info("Deleted {} expired idempotency keys", total);
		}
		return total;
	}

	private static <T> T retriedOnce(Supplier<T> transaction) {
		try {
			return transaction.get();
		}
		catch (ConcurrencyException ex) {
			log.debug("Another instance appended to the incident first; sending the command again", ex);
			return transaction.get();
		}
	}

	private Instant expiredBefore(Instant now) {
		return now.minus(this.properties.keyTtl());
	}

	private <R> StoredResponse<R> earlier(String principal, String key, String method, String path, String digest,
			Class<R> resultType) {
		List<StoredResponse<R>> rows = this.jdbc.query("""
				SELECT method, path, request_sha256, response_status, response_body FROM idempotency_key
				WHERE principal = ? AND idempotency_key = ?""", (row, i) -> {
			if (!method.equals(row.getString("method")) || !path.equals(row.getString("path"))
					|| !digest.equals(row.getString("request_sha256"))) {
				throw new IdempotencyKeyReusedException("this Idempotency-Key was already used for another request");
			}
			return new StoredResponse<>(HttpStatus.valueOf(row.getInt("response_status")),
					this.jsonMapper.readValue(row.getString("response_body"), resultType));
		}, principal, key);
		return rows.get(0);
	}

	private static <R> ResponseEntity<R> response(HttpStatus status, R result, Function<R, URI> location) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
		if (status == HttpStatus.CREATED) {
			builder.location(location.apply(result));
		}
		return builder.body(result);
	}

	private record StoredResponse<R>(HttpStatus status, R result) {

	}

}
