package io.incidenttimeline.command.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service, started as an operator would (no profile), refuses to start with
 * a public sample credential or without its identity provider, and says which variable to
 * set.
 */
class StartupRefusalIT {

	/**
	 * Everything a start needs, none of it a sample; each test spoils one thing.
	 */
	static final Map<String, String> GOOD = Map.of("OIDC_ISSUER_URI", "https://login.example.com/realms/it",
			"DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere", "DATABASE_PASSWORD", "a-password-of-our-own",
			"ALERTMANAGER_TOKEN", "an-alertmanager-token-of-our-own", "PAGERDUTY_ROUTING_KEYS", "disabled",
			"GRAFANA_HMAC_SECRET", "disabled", "CLOUDEVENTS_TOKEN", "disabled", "PORT", "0", "MANAGEMENT_PORT", "0");

	@Test
	void aSampleCredentialStopsTheStartNamingItsVariable() throws Exception {
		Map<String, String> environment = new HashMap<>(GOOD);
		environment.put("ALERTMANAGER_TOKEN", "local-alertmanager-token");

		Outcome outcome = start(environment, "sample-credential");

		assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
		assertThat(outcome.output()).contains("ALERTMANAGER_TOKEN is a documented sample value")
			.contains("SPRING_PROFILES_ACTIVE=local")
			.doesNotContain("HikariPool");
	}

	@Test
	void aMissingIssuerStopsTheStartNamingItsVariable() throws Exception {
		Map<String, String> environment = new HashMap<>(GOOD);
		environment.remove("OIDC_ISSUER_URI");

		Outcome outcome = start(environment, "missing-issuer");

		assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
		assertThat(outcome.output()).contains("OIDC_ISSUER_URI is required");
	}

	private static Outcome start(Map<String, String> environment, String name)
			throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("command.jar", "target/incident-command-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged service (mvn package)").isRegularFile();
		Path log = Files.createDirectories(Path.of("target", "startup-refusal")).resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// nothing from the machine's environment decides the outcome: no profile, no
		// credential but those given
		builder.environment()
			.keySet()
			.removeIf((variable) -> variable.startsWith("SPRING_") || RequiredSecrets.REQUIREMENTS.stream()
				.flatMap((requirement) -> requirement.secrets().stream())
				.anyMatch((secret) -> secret.variable().equals(variable)));
		builder.environment().putAll(environment);
		builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
		Process process = builder.start();
		try {
			boolean exited = process.waitFor(60, TimeUnit.SECONDS);
			assertThat(exited).as("exited within 60 s; output in " + log).isTrue();
			return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			process.destroyForcibly();
		}
	}

	record Outcome(int exitCode, String output) {
	}

}
