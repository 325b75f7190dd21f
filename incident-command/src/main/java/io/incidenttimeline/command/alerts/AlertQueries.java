package io.incidenttimeline.command.alerts;

import java.util.List;

import io.incidenttimeline.command.alerts.AlertReceipts.Receipt;
import io.incidenttimeline.command.alerts.AlertReceipts.ReceiptFilter;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every alert we accepted, newest first, including those no rule routed. The query
 * parameters bind to a {@link ReceiptFilter}: every bad one is reported at once.
 */
@RestController
class AlertQueries {

	private final AlertReceipts receipts;

	AlertQueries(AlertReceipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Receipt> alerts(@Valid @ParameterObject ReceiptFilter filter) {
		return this.receipts.search(filter);
	}

}
