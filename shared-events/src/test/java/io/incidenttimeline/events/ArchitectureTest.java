package io.incidenttimeline.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The event vocabulary is the base both services stand on: it depends on the JDK, Jackson
 * 2 and 3 and the CloudEvents SDK, and on nothing of ours.
 */
@AnalyzeClasses(packages = "io.incidenttimeline.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule eventsDependOnNothingOfOurs = classes().that()
		.resideInAPackage("io.incidenttimeline.events..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("io.incidenttimeline.events..", "java..", "com.fasterxml.jackson..", "tools.jackson..",
				"io.cloudevents..");

}
