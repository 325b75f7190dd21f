package io.incidenttimeline.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The provider in-process on a fixed free port (the issuer contains the port), driven
 * over real HTTP through the same test support other modules use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "identity.data-directory=target/identity-provider-test",
				"DASHBOARD_REDIRECT_URIS=http://localhost:18081/login/oauth2/code/local, http://localhost:28081/cb" })
class IdentityProviderTest {

	static final int PORT = LocalIdentityProvider.freePort();

	static final String ISSUER = "http://localhost:" + PORT;

	static final LocalIdentityProvider idp = LocalIdentityProvider.at(ISSUER);

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Test
	void discoveryDocumentNamesTheConfiguredIssuer() throws Exception {
		HttpResponse<String> discovery = get("/.well-known/openid-configuration");

		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(discovery.body(), "$.issuer")).isEqualTo(ISSUER);
		assertThat((String) JsonPath.read(discovery.body(), "$.jwks_uri")).isEqualTo(ISSUER + "/oauth2/jwks");
	}

	@Test
	void personSignedInThroughPkceGetsAnAccessTokenForIncidentTimeline() throws Exception {
		JWTClaimsSet claims = VerifiedToken.claims(idp.accessToken("alice"), ISSUER);

		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringClaim("name")).isEqualTo("Alice Martín");
		assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
		assertThat(claims.getStringListClaim("roles")).containsExactly("responder");
		assertThat(claims.getAudience()).containsExactlyInAnyOrder("incident-cli", "incident-timeline");
	}

	@ParameterizedTest
	@CsvSource({ "victor, Victor Nguyễn, viewer", "ada, Ada Ørsted, admin", "carol, Carol Dubois, commander" })
	void everySamplePersonCarriesTheirDisplayNameAndRole(String person, String name, String role) throws Exception {
		JWTClaimsSet claims = VerifiedToken.claims(idp.accessToken(person), ISSUER);

		assertThat(claims.getSubject()).isEqualTo(person);
		assertThat(claims.getStringClaim("name")).isEqualTo(name);
		assertThat(claims.getStringListClaim("roles")).containsExactly(role);
	}

	@Test
	void idTokenNamesThePersonForTheClientOnly() throws Exception {
		LocalIdentityProvider.Tokens tokens = idp.signIn("carol", LocalIdentityProvider.CLI_CLIENT);
		JWTClaimsSet claims = VerifiedToken.claims(tokens.idToken(), ISSUER);

		assertThat(claims.getSubject()).isEqualTo("carol");
		assertThat(claims.getStringClaim("name")).isEqualTo("Carol Dubois");
		assertThat(claims.getStringClaim("preferred_username")).isEqualTo("carol");
		assertThat(claims.getStringListClaim("roles")).containsExactly("commander");
		assertThat(claims.getAudience()).containsExactly("incident-cli");
	}

	@Test
	void publicClientGetsNoRefreshToken() {
		assertThat(idp.signIn("alice", LocalIdentityProvider.CLI_CLIENT).refreshToken()).isNull();
	}

	@Test
	void automationTokenActsAsResponder() throws Exception {
		JWTClaimsSet claims = VerifiedToken.claims(idp.clientCredentials("automation", "local-automation-secret"),
				ISSUER);

		assertThat(claims.getSubject()).isEqualTo("automation");
		assertThat(claims.getStringClaim("name")).isEqualTo("Automation");
		assertThat(claims.getStringListClaim("roles")).containsExactly("responder");
		assertThat(claims.getAudience()).contains("incident-timeline");
	}

	@Test
	void otherAppTokenIsNotForIncidentTimeline() throws Exception {
		JWTClaimsSet claims = VerifiedToken.claims(idp.clientCredentials("other-app", "local-other-app-secret"),
				ISSUER);

		assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
		assertThat(claims.getAudience()).containsExactly("other-app");
	}

	@Test
	void shortLivedTokenExpiresAfterTwoSeconds() throws Exception {
		String token = idp.signIn("alice", LocalIdentityProvider.SHORT_LIVED_CLIENT).accessToken();
		JWTClaimsSet unverified = SignedJWT.parse(token).getJWTClaimsSet();

		assertThat(Duration.between(unverified.getIssueTime().toInstant(), unverified.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofSeconds(2));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThatExceptionOfType(BadJOSEException.class)
				.isThrownBy(() -> VerifiedToken.claims(token, ISSUER))
				.withMessageContaining("Expired"));
	}

	@Test
	void unknownPersonCannotSignIn() {
		assertThatIllegalStateException().isThrownBy(() -> idp.accessToken("mallory"))
			.withMessageContaining("sign-in failed");
	}

	@Test
	void wrongClientSecretGetsNoToken() {
		assertThatIllegalStateException().isThrownBy(() -> idp.clientCredentials("automation", "guess"))
			.withMessageContaining("401");
	}

	@Test
	void loginFormRequiresItsCsrfToken() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void dashboardAcceptsTheExtraRedirectUrisFromTheEnvironment() throws Exception {
		for (String registered : List.of("http://localhost:8081/login/oauth2/code/local",
				"http://localhost:18081/login/oauth2/code/local", "http://localhost:28081/cb")) {
			assertThat(dashboardAuthorization(registered).headers().firstValue("Location")).hasValue(ISSUER + "/login");
		}
		assertThat(dashboardAuthorization("http://localhost:38081/cb").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> dashboardAuthorization(String redirectUri) throws Exception {
		return http
			.send(HttpRequest
				.newBuilder(URI.create(ISSUER + "/oauth2/authorize?response_type=code&client_id=incident-dashboard"
						+ "&scope=openid&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
						+ "&code_challenge_method=S256&redirect_uri="
						+ URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(ISSUER + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
