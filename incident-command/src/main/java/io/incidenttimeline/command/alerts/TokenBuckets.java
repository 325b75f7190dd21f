package io.incidenttimeline.command.alerts;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL, shared by every command instance: {@code burst} events at
 * once, refilled at {@code eventsPerMinute}. Taking a token is one atomic statement (the
 * row lock orders concurrent takers), refilled by the database's clock, so instances with
 * skewed clocks agree. Buckets are only ever made for known credentials, so the table
 * stays small.
 */
@Component
public class TokenBuckets {

	private static final String TAKE = """
			INSERT INTO alert_rate_bucket AS b (bucket, tokens, refilled_at) VALUES (?, ? - 1, now())
			ON CONFLICT (bucket) DO UPDATE
			  SET tokens = least(?, b.tokens + extract(epoch FROM now() - b.refilled_at) * ?) - 1, refilled_at = now()
			  WHERE least(?, b.tokens + extract(epoch FROM now() - b.refilled_at) * ?) >= 1
			RETURNING tokens""";

	private final JdbcTemplate jdbc;

	TokenBuckets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes a token from the bucket if it has one.
	 * @param bucket which bucket (never a credential itself: a digest of it)
	 * @return false when the bucket is empty: refuse the request
	 */
	public boolean tryTake(String bucket, int burst, int eventsPerMinute) {
		double capacity = Math.max(1, burst);
		double perSecond = Math.max(1, eventsPerMinute) / 60.0;
		List<Double> left = this.jdbc.queryForList(TAKE, Double.class, bucket, capacity, capacity, perSecond, capacity,
				perSecond);
		return !left.isEmpty();
	}

}
