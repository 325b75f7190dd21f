package io.incidenttimeline.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.incidenttimeline.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule queryNeverDependsOnTheCommandSide = noClasses().that()
		.resideInAPackage("io.incidenttimeline.query..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.incidenttimeline.command..");

	@ArchTest
	static final ArchRule onlyTheConsumerTalksToKafka = noClasses().that()
		.resideOutsideOfPackage("io.incidenttimeline.query.consuming..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.kafka..");

}
