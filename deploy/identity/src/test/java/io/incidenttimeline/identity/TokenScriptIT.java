package io.incidenttimeline.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/local/token.sh} against the packaged provider: the flow a person runs
 * from a shell, with curl only.
 */
class TokenScriptIT {

	static final Path SCRIPT = Path.of("..", "local", "token.sh");

	static LocalIdentityProvider idp;

	@BeforeAll
	static void start() throws IOException {
		idp = LocalIdentityProvider.start(LocalIdentityProviderIT.freshDirectory("token-script"));
	}

	@AfterAll
	static void stop() {
		idp.stop();
	}

	@Test
	void printsAPersonsAccessToken() throws Exception {
		Result result = run("alice");

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		JWTClaimsSet claims = VerifiedToken.claims(result.stdout().trim(), idp.idpUrl());
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringListClaim("roles")).containsExactly("responder");
		assertThat(claims.getAudience()).contains("incident-timeline");
	}

	@Test
	void printsTheAutomationClientsToken() throws Exception {
		Result result = run("automation");

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		JWTClaimsSet claims = VerifiedToken.claims(result.stdout().trim(), idp.idpUrl());
		assertThat(claims.getSubject()).isEqualTo("automation");
		assertThat(claims.getStringListClaim("roles")).containsExactly("responder");
	}

	@Test
	void failsClearlyForSomeoneWhoIsNotASamplePerson() throws Exception {
		Result result = run("mallory");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr()).contains("sign-in failed for 'mallory'");
	}

	@Test
	void failsClearlyWhenTheProviderIsNotRunning() throws Exception {
		Result result = run("alice", "http://localhost:" + LocalIdentityProvider.freePort());

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains("identity provider not reachable");
	}

	private static Result run(String person) throws Exception {
		return run(person, idp.idpUrl());
	}

	private static Result run(String person, String idpUrl) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), person);
		builder.environment().put("IDENTITY_URL", idpUrl);
		Path stdout = Files.createTempFile("token-sh", ".out");
		Path stderr = Files.createTempFile("token-sh", ".err");
		Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("token.sh did not finish within 30 s");
		}
		return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String stdout, String stderr) {
	}

}
