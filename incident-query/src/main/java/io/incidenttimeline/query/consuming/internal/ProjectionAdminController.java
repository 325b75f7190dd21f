package io.incidenttimeline.query.consuming.internal;

import java.util.List;

import io.incidenttimeline.query.consuming.Projection;
import io.incidenttimeline.query.web.UnknownResource;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

	private final ProjectionRebuilder rebuilder;

	ProjectionAdminController(ProjectionRebuilder rebuilder) {
		this.rebuilder = rebuilder;
	}

	@GetMapping
	List<String> projections() {
		return this.rebuilder.names();
	}

	@PostMapping("/{name}/rebuild")
	Rebuilt rebuild(@PathVariable String name) {
		Projection projection = this.rebuilder.named(name)
			.orElseThrow(
					() -> new UnknownResource("no projection named " + name + "; known: " + this.rebuilder.names()));
		return new Rebuilt(name, this.rebuilder.rebuild(projection));
	}

	record Rebuilt(String projection, long eventsReplayed) {
	}

}
