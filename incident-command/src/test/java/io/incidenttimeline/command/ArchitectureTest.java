package io.incidenttimeline.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.incidenttimeline.command.incident.HttpAwareIncidentFixture;
import io.incidenttimeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules Spring Modulith cannot state ({@code ModularityTest} checks the module
 * boundaries): what the incident's base package may not know, and what the command side
 * shares with the rest of the system. Each rule is shown to fail on a class that breaks
 * it.
 */
@AnalyzeClasses(packages = "io.incidenttimeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/**
	 * The aggregate, its commands and what they answer know nothing of HTTP: only the
	 * {@code incident.web} sub-package (its own module's, Modulith allows it) does.
	 */
	@ArchTest
	static final ArchRule theIncidentKnowsNothingOfHttp = noClasses().that()
		.resideInAPackage("io.incidenttimeline.command.incident")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.incidenttimeline.command.incident.web..", "io.incidenttimeline.command.web..",
				"org.springframework.web..", "jakarta.servlet..");

	/**
	 * The event records and their wire format (shared-events) are all the command side
	 * shares with the rest of the system: never the query side, never test support.
	 */
	@ArchTest
	static final ArchRule onlyTheEventsAreShared = noClasses().that()
		.resideInAPackage("io.incidenttimeline.command..")
		.should()
		.dependOnClassesThat(resideInAPackage("io.incidenttimeline..")
			.and(resideInAnyPackage("io.incidenttimeline.command..", "io.incidenttimeline.events..").negate()))
		.as("the command side shares only io.incidenttimeline.events with the rest of the system");

	@Test
	void theRulesFailOnClassesThatBreakThem() {
		JavaClasses breaking = new ClassFileImporter().importClasses(HttpAwareIncidentFixture.class,
				UsesTestSupportFixture.class, TestPostgres.class);

		assertThat(theIncidentKnowsNothingOfHttp.evaluate(breaking).hasViolation()).isTrue();
		assertThat(onlyTheEventsAreShared.evaluate(breaking).getFailureReport().getDetails())
			.anyMatch((line) -> line.contains(UsesTestSupportFixture.class.getSimpleName())
					&& line.contains(TestPostgres.class.getName()));
	}

	/**
	 * Depends on a package of ours outside the shared events.
	 */
	static final class UsesTestSupportFixture {

		TestPostgres.Database database() {
			return TestPostgres.database("never_created");
		}

	}

}
