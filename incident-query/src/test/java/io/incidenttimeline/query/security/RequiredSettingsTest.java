package io.incidenttimeline.query.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequiredSettingsTest {

	private final RequiredSettings check = new RequiredSettings();

	@Test
	void outsideTheLocalProfileRealValuesForEverySettingPass() {
		assertThatNoException()
			.isThrownBy(() -> this.check.postProcessEnvironment(production(), new SpringApplication()));
	}

	@Test
	void theLocalProfileMayRunOnTheSampleValues() {
		MockEnvironment local = new MockEnvironment().withProperty("spring.datasource.password", "incident")
			.withProperty("incident-query.identity.client-secret", "local-dashboard-secret");
		local.setActiveProfiles("local");

		assertThatNoException().isThrownBy(() -> this.check.postProcessEnvironment(local, new SpringApplication()));
	}

	@Test
	void aSampleSecretOrAPlaceholderIsRefusedNamingItsVariable() {
		MockEnvironment environment = production()
			.withProperty("incident-query.identity.client-secret", "local-dashboard-secret")
			.withProperty("spring.datasource.password", "REPLACE_ME_query_database_password");

		RequiredSettings.MissingSettings refused = refused(environment);

		assertThat(refused.problems()).containsExactly(
				"DATABASE_PASSWORD (spring.datasource.password) is a documented sample value, public to anyone: set the real one",
				"OIDC_CLIENT_SECRET (incident-query.identity.client-secret) is a documented sample value, public to anyone: set the real one");
	}

	@Test
	void everyMissingSettingIsNamedAtOnce() {
		RequiredSettings.MissingSettings refused = refused(new MockEnvironment());

		assertThat(refused.problems()).hasSize(5)
			.allSatisfy((problem) -> assertThat(problem).endsWith("is missing"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("DATABASE_PASSWORD"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("OIDC_ISSUER_URI"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("OIDC_CLIENT_ID"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("OIDC_CLIENT_SECRET"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("STATUS_PAGE_URL"));
	}

	@Test
	void springBootsOwnManagementServerAndAManagementPortThatIsThePublicOneAreRefusedInAnyProfile() {
		MockEnvironment local = new MockEnvironment().withProperty("management.server.port", "9081")
			.withProperty("server.port", "8081")
			.withProperty("incident-query.management-port", "8081");
		local.setActiveProfiles("local");

		assertThat(refused(local).problems()).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).startsWith("MANAGEMENT_SERVER_PORT"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("MANAGEMENT_PORT"));
	}

	@Test
	void theFailureAnalysisTellsWhatToSet() {
		RequiredSettings.MissingSettings refused = refused(
				production().withProperty("incident-query.identity.client-secret", "local-dashboard-secret"));

		FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(refused);

		assertThat(analysis.getDescription()).contains("OIDC_CLIENT_SECRET");
		assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=local");
	}

	private RequiredSettings.MissingSettings refused(MockEnvironment environment) {
		return catchThrowableOfType(RequiredSettings.MissingSettings.class,
				() -> this.check.postProcessEnvironment(environment, new SpringApplication()));
	}

	private static MockEnvironment production() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.password", "s3cr3t-from-the-vault")
			.withProperty("incident-query.identity.issuer-uri", "https://login.example.com/realms/ops")
			.withProperty("incident-query.identity.client-id", "incident-timeline-dashboard")
			.withProperty("incident-query.identity.client-secret", "another-secret-from-the-vault")
			.withProperty("incident-query.status-page.url", "https://status.example.com");
		environment.setActiveProfiles("production");
		return environment;
	}

}
