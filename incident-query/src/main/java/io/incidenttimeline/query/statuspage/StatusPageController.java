package io.incidenttimeline.query.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public status page, rendered by Thymeleaf from {@code templates/statuspage/} (an
 * operator may override the template and {@code static/statuspage/status.css}): no
 * script, it reloads itself every minute. Thymeleaf escapes every text that came from an
 * event. Everyone sees the same page all day long until something changes, so it is
 * rendered once and kept with the {@link StatusPage#snapshot()} it shows, per day.
 */
@Controller
class StatusPageController {

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final Clock clock;

	private final ITemplateEngine templates;

	StatusPageController(StatusPage statusPage, StatusPageSettings settings, Clock clock, ITemplateEngine templates) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.clock = clock;
		this.templates = templates;
	}

	@GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(HttpServletRequest request, HttpServletResponse response) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (!now.isAfter(today.atStartOfDay(ZoneOffset.UTC).toInstant())) {
			// at midnight itself the day history is not yet the day's
			// (StatusPage#history)
			return render(request, response, this.statusPage.snapshot(), now);
		}
		return this.statusPage.rendered("status " + today + " " + request.getContextPath(),
				(snapshot) -> render(request, response, snapshot, now));
	}

	private String render(HttpServletRequest request, HttpServletResponse response, StatusPage.Snapshot snapshot,
			Instant now) {
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), Locale.ROOT);
		context.setVariable("page", StatusPageView.of(this.settings, snapshot, this.statusPage.history(now)));
		return this.templates.process("statuspage/index", context);
	}

}
