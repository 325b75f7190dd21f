package io.incidenttimeline.command.alerts;

import java.util.List;
import java.util.Map;

import io.incidenttimeline.command.alerts.AlertProperties.GroupBy;
import io.incidenttimeline.command.alerts.AlertProperties.RoutingRule;
import io.incidenttimeline.command.alerts.RoutingPolicy.Route;
import io.incidenttimeline.events.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPolicyTest {

	static final RoutingRule PAGE = new RoutingRule("page", null, List.of("critical", "error"), null, null, true, null,
			GroupBy.SERVICE);

	@ParameterizedTest
	@CsvSource({ "critical, SEV-1", "error, SEV-2", "warning, SEV-3", "info, SEV-4", "CRITICAL, SEV-1",
			"unknown, SEV-3", "page, SEV-1", "P2, SEV-2", "minor, SEV-3", "informational, SEV-4" })
	void alertSeverityMapsToIncidentSeverity(String alertSeverity, String severity) {
		assertThat(RoutingPolicy.severity(alertSeverity)).isEqualTo(Severity.fromLabel(severity));
	}

	@Test
	void firstMatchingRuleDecides() {
		RoutingRule checkout = new RoutingRule("checkout", Map.of("team", "payments"), null, null, null, true,
				Severity.SEV_1, GroupBy.GROUP);
		RoutingPolicy policy = new RoutingPolicy(List.of(checkout, PAGE));

		Route route = policy.route(alert("error", Map.of("team", "payments"), "checkout")).orElseThrow();

		assertThat(route.rule()).isEqualTo("checkout");
		assertThat(route.severity()).isEqualTo(Severity.SEV_1);
		assertThat(route.routeKey()).isEqualTo("group:alertmanager:{}:{alertname=\"X\"}");
	}

	@Test
	void ruleWithoutOverrideMapsTheAlertSeverityAndGroupsByService() {
		Route route = new RoutingPolicy(List.of(PAGE)).route(alert("error", Map.of(), "checkout")).orElseThrow();

		assertThat(route.severity()).isEqualTo(Severity.SEV_2);
		assertThat(route.routeKey()).isEqualTo("service:checkout");
		assertThat(route.declare()).isTrue();
	}

	@Test
	void alertWithoutServiceFallsBackToItsSendersGroup() {
		Route route = new RoutingPolicy(List.of(PAGE)).route(alert("critical", Map.of(), null)).orElseThrow();

		assertThat(route.routeKey()).startsWith("group:alertmanager:");
	}

	@Test
	void alertNoRuleMatchesIsNotRouted() {
		RoutingRule labelled = new RoutingRule("labelled", Map.of("team", "payments"), null, null, null, true, null,
				GroupBy.SERVICE);
		RoutingPolicy policy = new RoutingPolicy(List.of(PAGE, labelled));

		assertThat(policy.route(alert("warning", Map.of("team", "search"), "search"))).isEmpty();
		assertThat(policy.route(alert(null, Map.of(), "search"))).isEmpty();
	}

	@Test
	void ruleMayRestrictServicesAndIntegrations() {
		RoutingRule onlyPagerDutyCheckout = new RoutingRule("pd", null, null, List.of("checkout"), List.of("pagerduty"),
				true, null, GroupBy.SERVICE);
		RoutingPolicy policy = new RoutingPolicy(List.of(onlyPagerDutyCheckout));

		assertThat(policy.route(alert("critical", Map.of(), "checkout"))).isEmpty();
	}

	@Test
	void pageRoutesAsCriticalAndDeclaresASev1() {
		Route route = new RoutingPolicy(List.of(PAGE)).route(alert("page", Map.of(), "checkout")).orElseThrow();

		assertThat(route.rule()).isEqualTo("page");
		assertThat(route.severity()).isEqualTo(Severity.SEV_1);
	}

	@Test
	void configuredAliasesRouteToo() {
		RoutingPolicy policy = new RoutingPolicy(List.of(PAGE), new AlertSeverities(Map.of("wake-someone", "error")));

		assertThat(policy.route(alert("Wake-Someone", Map.of(), "checkout")).orElseThrow().severity())
			.isEqualTo(Severity.SEV_2);
	}

	@Test
	void ruleNamingASpellingMatchesThatSpellingAndRuleNamingACanonicalSeverityMatchesItsAliases() {
		RoutingRule pagesOnly = new RoutingRule("pages", null, List.of("page"), null, null, true, null,
				GroupBy.SERVICE);
		RoutingPolicy policy = new RoutingPolicy(List.of(pagesOnly));

		assertThat(policy.route(alert("PAGE", Map.of(), "checkout"))).isPresent();
		assertThat(policy.route(alert("critical", Map.of(), "checkout"))).isEmpty();
		assertThat(new RoutingPolicy(List.of(PAGE)).route(alert("sev-2", Map.of(), "checkout"))).isPresent();
	}

	@Test
	void unknownOrMissingSeverityIsRoutedAsAWarning() {
		RoutingRule warnings = new RoutingRule("warnings", null, List.of("warning"), null, null, true, null,
				GroupBy.SERVICE);
		RoutingPolicy policy = new RoutingPolicy(List.of(PAGE, warnings));

		assertThat(policy.route(alert("bogus", Map.of(), "checkout")).orElseThrow().severity())
			.isEqualTo(Severity.SEV_3);
		assertThat(policy.route(alert(null, Map.of(), "checkout")).orElseThrow().rule()).isEqualTo("warnings");
	}

	private static Alert alert(String severity, Map<String, String> labels, String service) {
		return new Alert("alertmanager", Alert.Action.TRIGGER, "fp@t", "fp", "X", "X is failing", severity, labels,
				service, "{}:{alertname=\"X\"}", null, null, null, false);
	}

}
