package io.incidenttimeline.query.statuspage;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public status page, rendered by Thymeleaf from {@code templates/statuspage/} (an
 * operator may override the template and {@code static/statuspage/status.css}): no
 * script, it reloads itself every minute. Thymeleaf escapes every text that came from an
 * event.
 */
@Controller
class StatusPageController {

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final Clock clock;

	StatusPageController(StatusPage statusPage, StatusPageSettings settings, Clock clock) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
	String page(Model model) {
		StatusPage.Snapshot snapshot = this.statusPage.snapshot();
		model.addAttribute("page",
				StatusPageView.of(this.settings, snapshot, this.statusPage.history(this.clock.instant())));
		return "statuspage/index";
	}

}
