package io.incidenttimeline.command;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.incidenttimeline.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

/**
 * A module names in its SQL only the tables it owns; every table the migrations create
 * has an owner. Other modules ask the owner's published API (publishing counts stored
 * events through {@code eventstore.EventStoreStatistics}).
 */
class TableOwnershipTest {

	@Test
	void modulesQueryOnlyTheirOwnTables() {
		TableOwnership.verify(Path.of("src/main/java"), "io.incidenttimeline.command",
				Path.of("src/main/resources/db/migration"),
				Map.of("incident", Set.of("idempotency_key"), "eventstore",
						Set.of("domain_event_entry", "snapshot_event_entry", "token_entry"), "alerts",
						Set.of("alert_receipt", "alert_route", "alert_rate_bucket"), "publishing", Set.of(), "security",
						Set.of(), "web", Set.of()));
	}

}
