package io.incidenttimeline.command.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.incidenttimeline.command.alerts.AlertReceipts.Receipt;
import io.incidenttimeline.command.alerts.AlertReceipts.ReceiptFilter;
import io.incidenttimeline.command.alerts.AlertReceipts.State;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every alert we accepted, newest first, including those no rule routed.
 */
@RestController
class AlertQueries {

	private final AlertReceipts receipts;

	AlertQueries(AlertReceipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Receipt> alerts(@RequestParam(required = false) String integration,
			@RequestParam(required = false) String state, @RequestParam(required = false) UUID incidentId,
			@RequestParam(required = false) Boolean routed, @RequestParam(required = false) String service,
			@RequestParam(required = false) Instant since, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidAlert("limit", "must be between 1 and 1000");
		}
		State parsed = null;
		if (state != null) {
			try {
				parsed = State.valueOf(state.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidAlert("state", "must be firing, acknowledged or resolved");
			}
		}
		return this.receipts.search(new ReceiptFilter(integration, parsed, incidentId, routed, service, since, limit));
	}

}
