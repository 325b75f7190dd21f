package io.incidenttimeline.command.alerts.pagerduty;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An Events API v2 request refused in PagerDuty's own response shape, so existing senders
 * read our answers as they read PagerDuty's.
 */
class PagerDutyRejection extends RuntimeException {

	private final HttpStatus status;

	private final PagerDutyResponse body;

	PagerDutyRejection(HttpStatus status, PagerDutyResponse body) {
		super(body.message());
		this.status = status;
		this.body = body;
	}

	static PagerDutyRejection invalid(List<String> errors) {
		return new PagerDutyRejection(HttpStatus.BAD_REQUEST,
				new PagerDutyResponse("invalid event", "Event object is invalid", null, errors));
	}

	static PagerDutyRejection unauthorized() {
		return new PagerDutyRejection(HttpStatus.UNAUTHORIZED, new PagerDutyResponse("invalid event",
				"Event object is invalid", null, List.of("Invalid routing key")));
	}

	static PagerDutyRejection throttled() {
		return new PagerDutyRejection(HttpStatus.TOO_MANY_REQUESTS, new PagerDutyResponse("throttle event",
				"Requests for this service are arriving too quickly.  Please retry later.", null, null));
	}

	HttpStatus status() {
		return this.status;
	}

	PagerDutyResponse body() {
		return this.body;
	}

}
