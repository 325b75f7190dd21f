package io.incidenttimeline.command;

import java.nio.file.Path;

import io.incidenttimeline.testsupport.ModuleDiagram;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The service's modules (the direct sub-packages) use each other only through their
 * published API (the public types of a module's base package) and only as each module's
 * {@code package-info} allows; the committed picture of them is the code's.
 * <p>
 * Modulith and Axon did not disagree here: Modulith sees a command sent through Axon's
 * gateway as a use of the command's type (alerts uses incident's API), and the events
 * travel as shared-events records outside the modules. No ArchUnit rule stands in for
 * Modulith; {@code ArchitectureTest} holds only what Modulith cannot say.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(IncidentCommandApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theCommittedPictureOfTheModulesIsTheCodes() {
		ModuleDiagram.verify("incident-command", MODULES, Path.of("../docs/modules/incident-command.md"));
	}

	/**
	 * C4 PlantUML diagrams and module canvases as a build artifact, in
	 * {@code target/spring-modulith-docs}.
	 */
	@Test
	void documentsTheModules() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation();
	}

}
