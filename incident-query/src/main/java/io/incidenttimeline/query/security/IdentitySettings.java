package io.incidenttimeline.query.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one OpenID Connect issuer this service trusts, for bearer tokens and for the
 * dashboard's sign-in, and how its tokens name people and roles
 * ({@code incident-query.identity}, environment variables {@code OIDC_*}).
 *
 * @param issuerUri the issuer, byte for byte as in the tokens' {@code iss}
 * @param audience what a token must carry in {@code aud} to be meant for us
 * @param clockSkew how far {@code exp} and {@code nbf} may be off the clock here
 * @param rolesClaim the claim with the roles, a dotted path into nested claims allowed
 * @param nameClaim the claim with the display name
 * @param roleMapping a provider's groups to our roles: {@code group=role,...}
 * @param clientId the dashboard's client at the issuer
 * @param clientSecret that client's secret
 * @param redirectUri where the issuer sends a browser back after sign-in
 * @param corsAllowedOrigins origins whose scripts may call the query API
 */
@ConfigurationProperties("incident-query.identity")
record IdentitySettings(String issuerUri, @DefaultValue("incident-timeline") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("name") String nameClaim, String roleMapping, String clientId, String clientSecret,
		@DefaultValue("{baseUrl}/login/oauth2/code/{registrationId}") String redirectUri,
		List<String> corsAllowedOrigins) {

	IdentitySettings {
		if (issuerUri != null && !issuerUri.isBlank() && !URI.create(issuerUri).isAbsolute()) {
			throw new IllegalArgumentException("OIDC_ISSUER_URI must be an absolute URI, not " + issuerUri);
		}
		if (clockSkew.isNegative()) {
			throw new IllegalArgumentException("OIDC_CLOCK_SKEW must not be negative, not " + clockSkew);
		}
		// a mistake in the mapping stops the start, not the first sign-in
		ActorClaims.Settings.mapping(roleMapping);
		corsAllowedOrigins = (corsAllowedOrigins != null)
				? corsAllowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList()
				: List.of();
	}

	/**
	 * How {@link ActorClaims} reads a token or an ID token of this issuer.
	 */
	ActorClaims.Settings actorClaims() {
		return new ActorClaims.Settings(this.rolesClaim, this.nameClaim, ActorClaims.Settings.mapping(this.roleMapping),
				Set.of(this.audience));
	}

}
