package io.incidenttimeline.query.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Timestamps;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public status page as plain server-rendered HTML: no script, it reloads itself
 * every minute. Every text that came from an event goes through {@link #text}.
 */
@RestController
class StatusPageHtml {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String STYLE = """
			body{font-family:system-ui,sans-serif;max-width:56rem;margin:0 auto;padding:1rem;color:#1f2933}
			h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
			.overall{padding:1rem;border-radius:.4rem;color:#fff;font-weight:600;font-size:1.2rem}
			.indicator-none{background:#2f9e44}.indicator-minor{background:#e8a317}
			.indicator-major{background:#e8590c}.indicator-critical{background:#c92a2a}
			.incident{border-left:.3rem solid #868e96;padding:.2rem 1rem;margin:1rem 0}
			.impact-minor{border-color:#e8a317}.impact-major{border-color:#e8590c}.impact-critical{border-color:#c92a2a}
			.updates{list-style:none;padding:0}.updates li{margin:.6rem 0}.body{white-space:pre-line}
			.meta,time,.legend{color:#616e7c;font-size:.85rem}
			.component{margin:1rem 0}.component-head{display:flex;justify-content:space-between}
			.days{display:flex;gap:2px;margin-top:.3rem}.day{flex:1;height:2rem;border-radius:2px}
			.legend{display:flex;justify-content:space-between}
			.s-operational{background:#2f9e44}.s-degraded_performance{background:#e8a317}
			.s-partial_outage{background:#e8590c}.s-major_outage{background:#c92a2a}.no-data{background:#ced4da}
			.status.s-operational,.status.s-degraded_performance,.status.s-partial_outage,.status.s-major_outage{
			background:none}.status.s-operational{color:#2f9e44}.status.s-degraded_performance{color:#b7791f}
			.status.s-partial_outage{color:#d9480f}.status.s-major_outage{color:#c92a2a}
			""";

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final Clock clock;

	StatusPageHtml(StatusPage statusPage, StatusPageSettings settings, Clock clock) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping(path = "/status", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		Instant now = this.clock.instant();
		StatusPage.Snapshot snapshot = this.statusPage.snapshot();
		Map<String, List<DayHistory.Day>> history = this.statusPage.history(now);
		StringBuilder html = new StringBuilder(16384);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<meta http-equiv=\"refresh\" content=\"60\">")
			.append("<title>")
			.append(text(this.settings.name()))
			.append(" status</title>")
			.append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/status/history.atom\" title=\"")
			.append(text(this.settings.name()))
			.append(" incident history\">")
			.append("<style>")
			.append(STYLE)
			.append("</style></head><body>\n");
		html.append("<header><h1>").append(text(this.settings.name())).append(" status</h1></header>\n");
		html.append("<section id=\"overall\" class=\"overall indicator-")
			.append(snapshot.indicator().wire())
			.append("\" data-indicator=\"")
			.append(snapshot.indicator().wire())
			.append("\">")
			.append(text(snapshot.indicator().description()))
			.append("</section>\n");
		openIncidents(html, snapshot);
		components(html, snapshot, history);
		pastIncidents(html, snapshot);
		html.append("<footer class=\"meta\"><p>Last updated ")
			.append(time(snapshot.updatedAt()))
			.append(". <a href=\"/status/history.atom\">Atom feed</a> · ")
			.append("<a href=\"/api/v2/summary.json\">Statuspage API</a></p></footer>\n</body></html>\n");
		return html.toString();
	}

	private void openIncidents(StringBuilder html, StatusPage.Snapshot snapshot) {
		html.append("<section id=\"open-incidents\"><h2>Open incidents</h2>\n");
		if (snapshot.open().isEmpty()) {
			html.append("<p>No open incidents.</p>\n");
		}
		snapshot.open().forEach((view) -> incident(html, view));
		html.append("</section>\n");
	}

	private static void components(StringBuilder html, StatusPage.Snapshot snapshot,
			Map<String, List<DayHistory.Day>> history) {
		html.append("<section id=\"components\"><h2>Components</h2>\n");
		if (snapshot.components().isEmpty()) {
			html.append("<p>No component has had an incident yet.</p>\n");
		}
		for (ComponentView component : snapshot.components()) {
			html.append("<div class=\"component\" data-component=\"")
				.append(text(component.name()))
				.append("\" data-status=\"")
				.append(component.status().wire())
				.append("\"><div class=\"component-head\"><span class=\"name\">")
				.append(text(component.name()))
				.append("</span><span class=\"status s-")
				.append(component.status().wire())
				.append("\">")
				.append(component.status().label())
				.append("</span></div><div class=\"days\" aria-label=\"last ")
				.append(DayHistory.DAYS)
				.append(" days\">");
			for (DayHistory.Day day : history.getOrDefault(component.name(), List.of())) {
				String css = day.noData() ? "no-data" : "s-" + day.status().wire();
				html.append("<span class=\"day ")
					.append(css)
					.append("\" data-date=\"")
					.append(day.date())
					.append("\" title=\"")
					.append(day.date())
					.append(": ")
					.append(day.label())
					.append("\"></span>");
			}
			html.append("</div><div class=\"legend\"><span>")
				.append(DayHistory.DAYS)
				.append(" days ago</span><span>Today</span></div></div>\n");
		}
		html.append("</section>\n");
	}

	private void pastIncidents(StringBuilder html, StatusPage.Snapshot snapshot) {
		html.append("<section id=\"past-incidents\"><h2>Past incidents</h2>\n");
		List<StatusPage.IncidentView> resolved = snapshot.recent()
			.stream()
			.filter((view) -> !view.incident().isOpen())
			.toList();
		if (resolved.isEmpty()) {
			html.append("<p>No incidents reported.</p>\n");
		}
		resolved.forEach((view) -> incident(html, view));
		html.append("</section>\n");
	}

	private void incident(StringBuilder html, StatusPage.IncidentView view) {
		PublicIncident incident = view.incident();
		Indicator impact = Indicator.of(incident.severity());
		html.append("<article class=\"incident impact-")
			.append(impact.wire())
			.append("\" id=\"incident-")
			.append(incident.id())
			.append("\"><h3>")
			.append(text(incident.name()))
			.append("</h3><p class=\"meta\">")
			.append(statusLabel(incident.status()))
			.append(" · affects ")
			.append(text(String.join(", ", incident.components())))
			.append(" · started ")
			.append(time(incident.startedAt()))
			.append("</p><ol class=\"updates\">");
		for (PublicUpdate update : view.updates()) {
			html.append("<li><strong>")
				.append(statusLabel(update.status()))
				.append("</strong> – <span class=\"body\">")
				.append(text(update.body()))
				.append("</span> ")
				.append(time(update.createdAt()))
				.append("</li>");
		}
		html.append("</ol></article>\n");
	}

	static String statusLabel(IncidentStatus status) {
		String name = status.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static String time(Instant instant) {
		return "<time datetime=\"" + Timestamps.format(instant) + "\">" + SHOWN.format(instant) + "</time>";
	}

	private static String text(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
