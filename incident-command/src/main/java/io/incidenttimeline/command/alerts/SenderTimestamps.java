package io.incidenttimeline.command.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.incidenttimeline.command.incident.IncidentLimits;

import org.springframework.stereotype.Component;

/**
 * The window a sender's own timestamps must lie in ({@code startsAt}, {@code endsAt},
 * PagerDuty's {@code payload.timestamp}, a CloudEvent's {@code time}): the window of
 * {@link IncidentLimits}, at the moment the request arrives. Outside it the request is
 * refused naming the sender's field; nothing reaches the incident.
 */
@Component
public class SenderTimestamps {

	private final IncidentLimits limits;

	private final Clock clock;

	SenderTimestamps(IncidentLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Why the timestamp lies outside the window, if it does.
	 */
	public Optional<String> problem(Instant timestamp) {
		return this.limits.timestampProblem(timestamp, this.clock.instant());
	}

	/**
	 * The timestamp, when it lies within the window.
	 * @throws InvalidAlert naming {@code path} when it does not
	 */
	public Instant require(Instant timestamp, String path) {
		problem(timestamp).ifPresent((message) -> {
			throw new InvalidAlert(path, message);
		});
		return timestamp;
	}

}
