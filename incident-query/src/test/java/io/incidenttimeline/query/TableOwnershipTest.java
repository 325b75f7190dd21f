package io.incidenttimeline.query;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.incidenttimeline.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/**
 * Each module names in its SQL only the tables it owns; the others it reaches through
 * their owner's published API.
 */
class TableOwnershipTest {

	@Test
	void eachModuleNamesOnlyItsOwnTables() {
		TableOwnership.verify(Path.of("src/main/java"), "io.incidenttimeline.query",
				Path.of("src/main/resources/db/migration"),
				Map.of("consuming", Set.of("incident_events", "projection_progress", "parked_events"), "incidents",
						Set.of("incidents"), "statuspage",
						Set.of("status_page_incidents", "status_page_updates", "status_page_impacts"), "metrics",
						Set.of("mttx_moments"), "dashboard", Set.of("dashboard_incidents"), "postmortem",
						Set.of("postmortems", "postmortem_action_items"), "timeline", Set.of(), "web", Set.of(), "jdbc",
						Set.of(), "security", Set.of()));
	}

}
