package io.incidenttimeline.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.incidenttimeline.identity.LocalIdentityProvider;

/**
 * The real local identity provider ({@code deploy/identity}), started once per test JVM
 * as a child process, and tokens from it: people's through the authorization-code flow
 * with PKCE, machines' through client credentials, as a script would get them. Its
 * dashboard client also accepts the redirect URI of {@link #dashboardPort()}, a port
 * chosen before the provider starts, for the test that signs in with a browser.
 *
 * <p>
 * The sample people: {@value #VIEWER} (viewer), {@value #RESPONDER} (responder),
 * {@value #COMMANDER} (commander), {@value #ADMIN} (admin).
 */
public final class TestIdentity {

	public static final String VIEWER = "victor";

	public static final String RESPONDER = "alice";

	public static final String COMMANDER = "carol";

	public static final String ADMIN = "ada";

	/** Access tokens live five minutes; one is reused for less than that. */
	private static final Duration REUSE = Duration.ofMinutes(3);

	private static final Path DATA = Path.of("target", "identity-provider");

	private static final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private static LocalIdentityProvider provider;

	private static int dashboardPort;

	private TestIdentity() {
	}

	/**
	 * The issuer, as the service must be configured with it.
	 */
	public static String issuer() {
		return provider().idpUrl();
	}

	/**
	 * The port whose {@code /login/oauth2/code/local} the provider accepts as the
	 * dashboard's redirect URI: a query service that signs people in with a browser
	 * listens on it.
	 */
	public static synchronized int dashboardPort() {
		provider();
		return dashboardPort;
	}

	/**
	 * A sample person's access token (the audience {@code incident-timeline}, their
	 * roles), signed in through the authorization-code flow with PKCE.
	 */
	public static String accessToken(String person) {
		return token(person, () -> provider().accessToken(person));
	}

	/**
	 * The {@code automation} client's token (client credentials; responder).
	 */
	public static String automation() {
		return token("automation", () -> provider().clientCredentials("automation", "local-automation-secret"));
	}

	/**
	 * The {@code other-app} client's token: admin, but not for our audience.
	 */
	public static String otherApplication() {
		return token("other-app", () -> provider().clientCredentials("other-app", "local-other-app-secret"));
	}

	/**
	 * A token of the {@code short-lived} client for that person (two seconds), once it
	 * has expired.
	 */
	public static String expired(String person) {
		String token = provider().signIn(person, LocalIdentityProvider.SHORT_LIVED_CLIENT).accessToken();
		Instant expiry = expiry(token);
		QueryService.eventually().until(() -> Instant.now().isAfter(expiry.plusMillis(500)));
		return token;
	}

	/**
	 * A token signed with the provider's own key, with these claims: valid in every way
	 * the claims do not spoil.
	 */
	public static String signedByTheIssuer(JWTClaimsSet claims) {
		return sign(signingKey(), claims);
	}

	/**
	 * A token with these claims signed with a key nobody published.
	 */
	public static String signedByAnotherKey(JWTClaimsSet claims) {
		try {
			return sign(new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate(), claims);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The claims of a viewer's token as the provider makes them, to spoil one of.
	 */
	public static JWTClaimsSet.Builder viewerClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer())
			.subject(VIEWER)
			.audience(List.of("incident-cli", "incident-timeline"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("name", "Victor Nguyễn")
			.claim("roles", List.of("viewer"));
	}

	private static synchronized LocalIdentityProvider provider() {
		if (provider == null) {
			dashboardPort = LocalIdentityProvider.freePort();
			provider = LocalIdentityProvider.start(DATA,
					"http://localhost:" + dashboardPort + "/login/oauth2/code/local");
		}
		return provider;
	}

	private static String token(String key, Supplier<String> fetch) {
		Token cached = tokens.get(key);
		if (cached == null || cached.fetchedAt().plus(REUSE).isBefore(Instant.now())) {
			cached = new Token(fetch.get(), Instant.now());
			tokens.put(key, cached);
		}
		return cached.value();
	}

	private static RSAKey signingKey() {
		provider();
		try {
			return (RSAKey) JWKSet.parse(Files.readString(DATA.resolve("signing-key.json"), StandardCharsets.UTF_8))
				.getKeys()
				.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant expiry(String token) {
		try {
			return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Token(String value, Instant fetchedAt) {
	}

}
