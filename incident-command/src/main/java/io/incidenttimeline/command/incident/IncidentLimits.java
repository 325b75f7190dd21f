package io.incidenttimeline.command.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.incidenttimeline.events.Timestamps;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.limits.*}: the configurable rules every path into an incident
 * keeps, HTTP commands and alerts alike. The aggregate takes this as a handler parameter
 * (as it takes the clock); alert adapters use {@link #timestampProblem} to name their
 * sender's own field before anything reaches the aggregate.
 */
@ConfigurationProperties("incident-timeline.limits")
public record IncidentLimits(@DefaultValue("20") int maxServices,
		@DefaultValue("2000-01-01T00:00:00Z") Instant earliestTimestamp) {

	/**
	 * How far a client's clock may run ahead of ours before a time it gives counts as a
	 * time in the future.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	public IncidentLimits {
		if (maxServices < 1) {
			throw new IllegalArgumentException("max-services must be at least 1, not " + maxServices);
		}
		Objects.requireNonNull(earliestTimestamp, "earliest-timestamp is missing");
	}

	/**
	 * The defaults, as {@code application.yml} leaves them.
	 */
	public static IncidentLimits defaults() {
		return new IncidentLimits(20, Instant.parse("2000-01-01T00:00:00Z"));
	}

	/**
	 * Why a timestamp a client gave lies outside the window we accept (not before
	 * {@link #earliestTimestamp()}, not after {@code now} plus {@link #CLOCK_SKEW}), if
	 * it does. The message does not name the field.
	 */
	public Optional<String> timestampProblem(Instant value, Instant now) {
		if (value.isAfter(now.plus(CLOCK_SKEW))) {
			return Optional.of("must not be in the future (more than " + CLOCK_SKEW.toMinutes()
					+ " minutes ahead of the server's clock)");
		}
		return earlinessProblem(value);
	}

	/**
	 * Why a timestamp a client gave is too early, if it is. The only bound the incident
	 * puts on an alert's own timestamps: a sender's clock ahead of ours must not lose the
	 * alert once an adapter accepted it.
	 */
	public Optional<String> earlinessProblem(Instant value) {
		return value.isBefore(this.earliestTimestamp)
				? Optional.of("must not be before " + Timestamps.format(this.earliestTimestamp)) : Optional.empty();
	}

}
