package io.incidenttimeline.query.postmortem;

import io.incidenttimeline.events.ActorClaims;
import io.incidenttimeline.events.IncidentId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's postmortem page: the same document as the JSON and the Markdown.
 */
@Controller
class PostmortemPage {

	private final PostmortemController postmortems;

	PostmortemPage(PostmortemController postmortems) {
		this.postmortems = postmortems;
	}

	@ModelAttribute("signedIn")
	ActorClaims signedIn(ActorClaims actor) {
		return actor;
	}

	@GetMapping("/dashboard/incidents/{id}/postmortem")
	String page(@PathVariable IncidentId id, Model model) {
		model.addAttribute("pm", this.postmortems.document(id));
		return "postmortem/page";
	}

}
