package io.incidenttimeline.query.consuming.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.web.UnknownResource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events that hold up their incident: {@code GET /api/admin/parked} lists them (the
 * failed ones first, at most {@value #LIMIT}); {@code POST
 * /api/admin/parked/{incidentId}/retry} applies the incident's failed event once its
 * cause is fixed, and the parked events behind it.
 */
@RestController
@RequestMapping("/api/admin/parked")
class ParkedAdminController {

	static final int LIMIT = 1000;

	private static final URI STILL_FAILS = URI.create("https://incidenttimeline.io/problems/parked-event-still-fails");

	private static final URI NOTHING_TO_RETRY = URI.create("https://incidenttimeline.io/problems/nothing-to-retry");

	private final ParkedEvents parked;

	private final EventSequencer sequencer;

	ParkedAdminController(ParkedEvents parked, EventSequencer sequencer) {
		this.parked = parked;
		this.sequencer = sequencer;
	}

	@GetMapping
	List<ParkedEvent> parked() {
		return this.parked.list(LIMIT).stream().map(ParkedEvent::of).toList();
	}

	@PostMapping("/{incidentId}/retry")
	Retried retry(@PathVariable IncidentId incidentId) {
		try {
			EventSequencer.Retried retried = this.sequencer.retry(incidentId);
			return new Retried(incidentId.value(), retried.applied(), retried.lastSequence());
		}
		catch (EventSequencer.NothingToRetry ex) {
			if (ex.nothingParked()) {
				throw new UnknownResource(ex.getMessage());
			}
			throw conflict(NOTHING_TO_RETRY, "Nothing to retry", ex.getMessage(), ex);
		}
		catch (EventSequencer.RetryFailed ex) {
			if (Failures.isTransient(ex.getCause())) {
				throw (RuntimeException) ex.getCause();
			}
			String reason = Failures.reason(ex.getCause());
			this.parked.failedAgain(incidentId, ex.sequence(), reason);
			throw conflict(STILL_FAILS, "The parked event still fails",
					"incident " + incidentId + ", sequence " + ex.sequence() + ": " + reason, ex);
		}
	}

	private static ErrorResponseException conflict(URI type, String title, String detail, Exception cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(type);
		problem.setTitle(title);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, cause);
	}

	/**
	 * One parked event: {@code kind} is {@code waiting-for-predecessor} or
	 * {@code failed}.
	 */
	record ParkedEvent(UUID incidentId, long sequence, String kind, String reason, Instant parkedAt) {

		static ParkedEvent of(ParkedEvents.Parked parked) {
			return new ParkedEvent(parked.incidentId(), parked.sequence(), parked.kind().label(), parked.reason(),
					parked.parkedAt());
		}

	}

	/**
	 * What a retry applied: {@code applied} events, through {@code lastSequence}.
	 */
	record Retried(UUID incidentId, long applied, long lastSequence) {
	}

}
