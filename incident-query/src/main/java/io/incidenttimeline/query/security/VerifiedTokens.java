package io.incidenttimeline.query.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so a client sending the same bearer
 * token with every request pays for parsing and the RSA signature check once instead of
 * every time (about an eighth of a command's CPU under load: JFR, issue #12). A
 * remembered token is validated again on every use (expiry, issuer, audience, claims):
 * only the signature check is skipped, for at most {@code lifetime}, which bounds how
 * long a token signed with a key the provider has since withdrawn is still accepted. A
 * token that fails is never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int DEFAULT_SIZE = 10_000;

	static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int size, Duration lifetime) {
		this.decoder = decoder;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(lifetime).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = this.decoder.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(known);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
					+ result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return known;
	}

}
