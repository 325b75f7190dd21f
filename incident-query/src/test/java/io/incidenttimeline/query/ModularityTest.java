package io.incidenttimeline.query;

import java.nio.file.Path;

import io.incidenttimeline.testsupport.ModuleDiagram;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of the query service (Spring Modulith: the direct sub-packages of
 * {@code io.incidenttimeline.query}; a module's API is the public types of its base
 * package, its sub-packages are internal): no cycles, no use of another module's
 * internals, and the committed picture ({@code docs/modules/incident-query.md}) up to
 * date.
 */
class ModularityTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(IncidentQueryApplication.class);

	@Test
	void modulesUseEachOtherOnlyThroughTheirPublishedApiWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void theCommittedPictureOfTheModulesIsTheCodes() {
		ModuleDiagram.verify("incident-query", MODULES, Path.of("../docs/modules/incident-query.md"));
	}

	@Test
	void documentationOfTheModulesIsWritten() {
		new Documenter(MODULES).writeDocumentation();
	}

}
