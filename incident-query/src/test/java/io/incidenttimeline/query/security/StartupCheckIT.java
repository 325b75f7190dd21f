package io.incidenttimeline.query.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's executable jar, started as an operator would outside the local run,
 * refuses to start on a missing credential or a documented sample value, and says which
 * variable to set. Nothing else needs to be up: the check comes before any connection.
 */
class StartupCheckIT {

	private static final Path JAR = Path
		.of(System.getProperty("incident.query.jar", "target/incident-query-0.1.0-SNAPSHOT.jar"));

	@Test
	void theLocalRunsSampleClientSecretIsRefusedOutsideTheLocalProfile() throws Exception {
		Map<String, String> environment = production();
		environment.put("OIDC_CLIENT_SECRET", "local-dashboard-secret");

		Started started = start(environment);

		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START")
			.contains("OIDC_CLIENT_SECRET (incident-query.identity.client-secret) is a documented sample value")
			.doesNotContain("DATABASE_PASSWORD (")
			.doesNotContain("local-dashboard-secret");
	}

	@Test
	void withoutAnySettingEveryRequiredVariableIsNamed() throws Exception {
		Started started = start(new LinkedHashMap<>());

		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("DATABASE_PASSWORD", "OIDC_ISSUER_URI", "OIDC_CLIENT_ID",
				"OIDC_CLIENT_SECRET", "STATUS_PAGE_URL");
	}

	/**
	 * Everything a production start needs, with values that are neither missing nor
	 * samples; the database and the issuer on closed ports.
	 */
	private static Map<String, String> production() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "production");
		environment.put("PORT", "0");
		environment.put("MANAGEMENT_PORT", "0");
		environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/incident_query");
		environment.put("DATABASE_PASSWORD", "not-a-sample-password");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
		environment.put("OIDC_ISSUER_URI", "http://127.0.0.1:1/issuer");
		environment.put("OIDC_CLIENT_ID", "incident-timeline-dashboard");
		environment.put("STATUS_PAGE_URL", "https://status.example.org/status");
		return environment;
	}

	private static Started start(Map<String, String> environment) throws IOException, InterruptedException {
		assertThat(JAR).as("built by the package phase").isRegularFile();
		Path output = Files.createTempFile(Path.of("target"), "startup-check-", ".log");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", JAR.toString()))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		// nothing inherited: no profile or credential of the machine running the tests
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exits on its own").isTrue();
			return new Started(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			process.destroyForcibly();
		}
	}

	private record Started(int exitCode, String output) {
	}

}
