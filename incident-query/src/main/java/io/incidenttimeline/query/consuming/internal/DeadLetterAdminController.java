package io.incidenttimeline.query.consuming.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records the consumer could not decode at all, and those an earlier version
 * dead-lettered: {@code GET /api/admin/dead-letters} lists the first {@value #LIMIT} with
 * why each is there; {@code POST /api/admin/dead-letters/redrive} publishes each one not
 * re-driven before back to the incident topic, once.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterAdminController {

	static final int LIMIT = 100;

	private final DeadLetters deadLetters;

	DeadLetterAdminController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetters.DeadLetter> deadLetters() {
		return this.deadLetters.list(LIMIT);
	}

	@PostMapping("/redrive")
	Redriven redrive() {
		return new Redriven(this.deadLetters.redrive());
	}

	record Redriven(long redriven) {
	}

}
