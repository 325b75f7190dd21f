package io.incidenttimeline.query.consuming;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How up to date a query answer is. {@code lastAppliedSequence} is the incident's last
 * applied sequence number (only on per-incident resources); {@code lastEventRecordedAt}
 * is the newest recorded time among the last applied events of all incidents and
 * {@code lastAppliedAt} when this service last applied any event: a reader compares them
 * with the write side's answer to see how far behind the projections are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Freshness(Long lastAppliedSequence, Instant lastEventRecordedAt, Instant lastAppliedAt) {

	/**
	 * The response header carrying {@link #lastAppliedSequence} of a per-incident
	 * resource.
	 */
	public static final String LAST_APPLIED_SEQUENCE_HEADER = "X-Last-Applied-Sequence";

}
