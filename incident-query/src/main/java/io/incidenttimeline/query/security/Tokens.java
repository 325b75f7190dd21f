package io.incidenttimeline.query.security;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OAuth 2.0 bearer tokens (JWT) for the API: signed by the issuer's current key, from
 * that issuer, for our audience, within their lifetime give or take the clock skew, about
 * a subject. The issuer is asked for its keys at the first token, not at start, so the
 * service starts (and keeps consuming) while the issuer is unreachable; until it answers,
 * tokens are refused.
 */
@Configuration(proxyBeanMethods = false)
class Tokens {

	@Bean
	JwtDecoder jwtDecoder(IdentitySettings settings) {
		OAuth2TokenValidator<Jwt> validator = validator(settings);
		return new VerifiedTokens(new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
			decoder.setJwtValidator(validator);
			return decoder;
		}), validator, VerifiedTokens.DEFAULT_SIZE, VerifiedTokens.DEFAULT_LIFETIME);
	}

	/**
	 * Spring Security observes every filter of the chain, every authentication and every
	 * authorization decision by default, a sixth of a request's CPU on the command side
	 * (JFR, issue #12). The request itself is still observed
	 * ({@code http.server.requests}, its span).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	static OAuth2TokenValidator<Jwt> validator(IdentitySettings settings) {
		return JwtValidators.createDefaultWithValidators(new JwtTimestampValidator(settings.clockSkew()),
				new JwtIssuerValidator(settings.issuerUri()), new JwtAudienceValidator(settings.audience()),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, (subject) -> !subject.isBlank()));
	}

	/**
	 * A verified token's person or machine: the subject as the name, the roles as
	 * authorities, read by {@link ActorClaims} as every service reads them.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> authentication(ActorClaims.Settings claims) {
		return (jwt) -> {
			ActorClaims actor;
			try {
				actor = ActorClaims.of(jwt.getClaims(), claims);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidBearerTokenException("The token does not name who acts: " + ex.getMessage(), ex);
			}
			return new JwtAuthenticationToken(jwt, Roles.authorities(actor.roles()), actor.subject());
		};
	}

}
