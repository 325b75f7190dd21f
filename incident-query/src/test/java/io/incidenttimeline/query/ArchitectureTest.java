package io.incidenttimeline.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.Timestamps;
import io.incidenttimeline.query.consuming.Projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules of the code base that the module test does not see; each names a mistake that has
 * been made here before.
 */
@AnalyzeClasses(packages = "io.incidenttimeline.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule onlyTheConsumerTalksToKafka = noClasses().that()
		.resideOutsideOfPackage("io.incidenttimeline.query.consuming..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.kafka..");

	@ArchTest
	static final ArchRule afterCommitWorkListensForEventsInsteadOfRegisteringSynchronizations = noClasses().should()
		.dependOnClassesThat()
		.areAssignableTo(TransactionSynchronizationManager.class)
		.because("after-commit work is a @TransactionalEventListener of EventsApplied or ProjectionRebuilt");

	@ArchTest
	static final ArchRule controllersBindParametersInsteadOfParsingThem = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.or()
		.areAnnotatedWith(Controller.class)
		.should()
		.callMethod(IncidentId.class, "parse", String.class)
		.orShould()
		.callMethod(Timestamps.class, "parse", String.class)
		.orShould()
		.callMethod(Severity.class, "fromLabel", String.class)
		.because("request parameters bind to typed values through the converters of the web module");

	@ArchTest
	static final ArchRule projectionsFoldAndLeaveTheirRowsToARepository = noClasses().that()
		.implement(Projection.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(JdbcClient.class)
		.because("a projection's fold is a plain object; its repository reads and writes the rows");

}
