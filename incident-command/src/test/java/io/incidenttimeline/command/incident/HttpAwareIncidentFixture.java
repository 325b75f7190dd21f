package io.incidenttimeline.command.incident;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Breaks the incident's boundary on purpose: only {@code ArchitectureTest} imports it, to
 * show that its rule fails on such a class.
 */
public final class HttpAwareIncidentFixture {

	@ResponseBody
	ResponseEntity<CommandResult> answer(CommandResult result) {
		return ResponseEntity.ok(result);
	}

}
