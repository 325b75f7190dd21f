package io.incidenttimeline.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.incidenttimeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule commandSideNeverDependsOnTheQuerySide = noClasses().that()
		.resideInAPackage("io.incidenttimeline.command..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.incidenttimeline.query..");

	@ArchTest
	static final ArchRule theIncidentDoesNotKnowAboutHttp = noClasses().that()
		.resideInAPackage("io.incidenttimeline.command.incident..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.incidenttimeline.command.http..", "org.springframework.web..", "jakarta.servlet..");

}
