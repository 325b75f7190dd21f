package io.incidenttimeline.query.statuspage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The public status page, rendered by Thymeleaf from {@code templates/statuspage/} (an
 * operator may override the template and {@code static/statuspage/status.css}): no
 * script, it reloads itself every minute. Thymeleaf escapes every text that came from an
 * event.
 * <p>
 * Every visitor sees the same page, and during an incident many come at once; so the page
 * is rendered once per {@link StatusPage#snapshot()} and day (its bars end today) and
 * kept as bytes, gzipped too ({@link KeptDocuments}). Rendered for each request it had
 * taken 529 ms at the 99th percentile with 1,040 open incidents.
 */
@Controller
class StatusPageController {

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final ITemplateEngine templates;

	private final Clock clock;

	StatusPageController(StatusPage statusPage, StatusPageSettings settings, ITemplateEngine templates, Clock clock) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * A page for people, not part of the API description (the Statuspage documents are).
	 */
	@Hidden
	@GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> page(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accepted) {
		Instant now = this.clock.instant();
		String name = "status.html " + (StatusPage.atMidnight(now) ? now : LocalDate.ofInstant(now, ZoneOffset.UTC));
		return KeptDocuments.answer(this.statusPage, accepted, name, HTML, (snapshot) -> render(snapshot, now));
	}

	private byte[] render(StatusPage.Snapshot snapshot, Instant now) {
		StatusPageView page = StatusPageView.of(this.settings, snapshot, this.statusPage.history(now));
		return this.templates.process("statuspage/index", new Context(Locale.ROOT, Map.of("page", page)))
			.getBytes(StandardCharsets.UTF_8);
	}

}
