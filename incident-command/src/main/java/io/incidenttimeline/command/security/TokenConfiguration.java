package io.incidenttimeline.command.security;

import java.util.List;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * How a bearer token becomes a caller: verified against the provider's published keys
 * (found from its issuer URI), then read by shared-events' {@link ActorClaims}, the one
 * reading both services share; this side only turns its roles into {@code ROLE_<role>}
 * authorities.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	/**
	 * The provider's discovery document and keys are fetched on the first token, not at
	 * startup, so the service starts while the provider is down.
	 */
	@Bean
	JwtDecoder jwtDecoder(OidcProperties oidc) {
		OAuth2TokenValidator<Jwt> validator = validator(oidc);
		return new VerifiedTokens(new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
			decoder.setJwtValidator(validator);
			return decoder;
		}), validator, VerifiedTokens.DEFAULT_SIZE, VerifiedTokens.DEFAULT_LIFETIME);
	}

	/**
	 * Spring Security observes every filter of the chain, every authentication and every
	 * authorization decision by default: under load that was about a sixth of a request's
	 * CPU (JFR, issue #12). The request itself is still observed
	 * ({@code http.server.requests}, its span), and so are the command's own steps.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * A token counts when it is current (within the clock skew), from our issuer, meant
	 * for us (the audience), and names who acts (a subject {@link ActorClaims} accepts).
	 */
	static OAuth2TokenValidator<Jwt> validator(OidcProperties oidc) {
		ActorClaims.Settings settings = oidc.claims();
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(oidc.clockSkew()),
				new JwtIssuerValidator(oidc.issuerUri()), new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audiences) -> audiences != null && audiences.contains(oidc.audience())),
				(jwt) -> {
					try {
						ActorClaims.of(jwt.getClaims(), settings);
						return OAuth2TokenValidatorResult.success();
					}
					catch (IllegalArgumentException | NullPointerException ex) {
						return OAuth2TokenValidatorResult
							.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, ex.getMessage(), null));
					}
				});
	}

	@Bean
	JwtAuthenticationConverter tokenAuthentication(OidcProperties oidc) {
		ActorClaims.Settings settings = oidc.claims();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setPrincipalClaimName(JwtClaimNames.SUB);
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> ActorClaims.of(jwt.getClaims(), settings)
			.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(Roles.authority(role)))
			.map(GrantedAuthority.class::cast)
			.toList());
		return converter;
	}

}
