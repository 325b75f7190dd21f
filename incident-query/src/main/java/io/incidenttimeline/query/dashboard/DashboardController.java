package io.incidenttimeline.query.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.incidenttimeline.events.ActorClaims;
import io.incidenttimeline.events.FieldLimits;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.query.postmortem.PostmortemLists;
import io.incidenttimeline.query.web.UnknownResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard pages, server-rendered by Thymeleaf (which escapes all text), plus the
 * fragments and the event stream their scripts use to re-render without a reload. Every
 * page names who is signed in. {@code now} comes from the application's {@link Clock}
 * when there is exactly one, so tests can fix it.
 */
@Controller
class DashboardController {

	private final BoardRepository board;

	private final LiveStream stream;

	private final Clock clock;

	private final PostmortemLists postmortems;

	DashboardController(BoardRepository board, LiveStream stream, ObjectProvider<Clock> clock,
			PostmortemLists postmortems) {
		this.board = board;
		this.stream = stream;
		this.postmortems = postmortems;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	/**
	 * Who is signed in, for the navigation ({@code ActorClaims} parameters are resolved
	 * from the session or the token by the security module).
	 */
	@ModelAttribute("signedIn")
	ActorClaims signedIn(ActorClaims actor) {
		return actor;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		model.addAttribute("incidents", openIncidents());
		model.addAttribute("duePostmortems", this.postmortems.due());
		model.addAttribute("overdueActionItems", this.postmortems.overdueActionItems());
		return "dashboard/index";
	}

	@GetMapping("/dashboard/fragments/open-incidents")
	String openIncidentsFragment(Model model) {
		model.addAttribute("incidents", openIncidents());
		return "dashboard/index :: openIncidents";
	}

	@GetMapping("/dashboard/incidents/{id}")
	String incident(@PathVariable IncidentId id, Model model) {
		model.addAttribute("incident", OpenIncident.of(find(id), now()));
		return "dashboard/incident";
	}

	@GetMapping("/dashboard/incidents/{id}/fragments/header")
	String incidentHeader(@PathVariable IncidentId id, Model model) {
		model.addAttribute("incident", OpenIncident.of(find(id), now()));
		return "dashboard/incident :: header";
	}

	@GetMapping("/dashboard/metrics")
	String metrics(Model model) {
		model.addAttribute("serviceMaxLength", FieldLimits.NAME);
		return "dashboard/metrics";
	}

	@GetMapping(path = "/api/dashboard/open-incidents", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<OpenIncident> openIncidentsJson() {
		return openIncidents();
	}

	@GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream() {
		return this.stream.subscribe();
	}

	private List<OpenIncident> openIncidents() {
		Instant now = now();
		return this.board.open().stream().map((incident) -> OpenIncident.of(incident, now)).toList();
	}

	private BoardIncident find(IncidentId id) {
		return this.board.find(id.value()).orElseThrow(() -> new UnknownResource("no incident " + id));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
