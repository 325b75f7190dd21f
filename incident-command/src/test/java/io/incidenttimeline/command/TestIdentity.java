package io.incidenttimeline.command;

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

import com.nimbusds.jose.JOSEException;
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
 * Real tokens for the tests: the local identity provider ({@code deploy/identity}) runs
 * from its jar as a child process, started once per test JVM on first use, and every
 * service context the tests start trusts it ({@link TestInfrastructure}). Sample people:
 * alice (responder), carol (commander), victor (viewer), ada (admin); clients: automation
 * (responder), other-app (admin, but no incident-timeline audience), short-lived
 * (2-second tokens).
 * <p>
 * Hand-made tokens for edge cases the provider does not issue: {@link #signed} signs any
 * claims with the provider's own key (read from its data directory), so the service
 * checks everything but the signature; {@link #foreign} signs with a key and an issuer of
 * no provider we trust.
 */
public final class TestIdentity {

	public static final String AUDIENCE = "incident-timeline";

	/** People's access tokens live 5 minutes: a cached one is renewed well before. */
	private static final Duration REUSE = Duration.ofMinutes(3);

	private static final Path DATA = Path.of("target", "identity-provider");

	private static final Map<String, Cached> tokens = new ConcurrentHashMap<>();

	private static LocalIdentityProvider provider;

	private TestIdentity() {
	}

	/**
	 * The provider's issuer URI, which every test context is configured with.
	 */
	public static synchronized String issuer() {
		if (provider == null) {
			provider = LocalIdentityProvider.start(DATA);
		}
		return provider.idpUrl();
	}

	/**
	 * A valid access token of a sample person (alice, carol, victor, ada) or client
	 * (automation, other-app), reused for a few minutes.
	 */
	public static String token(String who) {
		issuer();
		return tokens.compute(who, (name, cached) -> (cached != null && cached.fresh()) ? cached : fetch(name)).token();
	}

	/**
	 * {@code Bearer <token>}, the Authorization header's value.
	 */
	public static String bearer(String who) {
		return "Bearer " + token(who);
	}

	/**
	 * A fresh token of the {@code short-lived} client for a person: valid for 2 seconds.
	 */
	public static String shortLived(String person) {
		issuer();
		return provider.signIn(person, LocalIdentityProvider.SHORT_LIVED_CLIENT).accessToken();
	}

	/**
	 * A token signed with the provider's key: valid unless the claims say otherwise.
	 * Defaults: issued now by the provider, valid 5 minutes, for {@link #AUDIENCE}, by
	 * {@code incident-cli}; {@code claims} add or replace (instants become dates).
	 */
	public static String signed(Map<String, Object> claims) {
		String issuer = issuer();
		return sign(providerKey(), defaults(issuer, claims));
	}

	/**
	 * A well-formed token of an issuer nobody trusts, signed with its own key.
	 */
	public static String foreign(Map<String, Object> claims) {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("foreign").generate();
			return sign(key, defaults("https://issuer.invalid", claims));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Cached fetch(String who) {
		String token = switch (who) {
			case "automation" -> provider.clientCredentials("automation", "local-automation-secret");
			case "other-app" -> provider.clientCredentials("other-app", "local-other-app-secret");
			default -> provider.accessToken(who);
		};
		return new Cached(token, Instant.now().plus(REUSE));
	}

	private static JWTClaimsSet defaults(String issuer, Map<String, Object> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.audience(List.of("incident-cli", AUDIENCE))
			.claim("client_id", "incident-cli");
		claims.forEach(
				(name, value) -> builder.claim(name, (value instanceof Instant instant) ? Date.from(instant) : value));
		return builder.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey providerKey() {
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

	private record Cached(String token, Instant renewAfter) {

		boolean fresh() {
			return Instant.now().isBefore(this.renewAfter);
		}

	}

}
