package io.incidenttimeline.identity;

import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks a token the way a resource server does, against the provider's published JWKS
 * (fetched now), its issuer, and its expiry without clock skew.
 */
final class VerifiedToken {

	private VerifiedToken() {
	}

	static JWTClaimsSet claims(String token, String issuer) throws BadJOSEException, JOSEException {
		return claims(token, issuer, jwks(issuer));
	}

	static JWTClaimsSet claims(String token, String issuer, JWKSet jwks) throws BadJOSEException, JOSEException {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
		DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
				new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp"));
		verifier.setMaxClockSkew(0);
		processor.setJWTClaimsSetVerifier(verifier);
		try {
			return processor.process(token, null);
		}
		catch (ParseException ex) {
			throw new AssertionError("not a JWT: " + token, ex);
		}
	}

	static JWKSet jwks(String issuer) {
		try {
			return JWKSet.load(new URL(issuer + "/oauth2/jwks"));
		}
		catch (IOException | ParseException ex) {
			throw new AssertionError("cannot load the JWKS of " + issuer, ex);
		}
	}

}
