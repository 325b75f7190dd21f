package io.incidenttimeline.command.security;

import java.time.Duration;
import java.util.Set;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-timeline.oidc.*}: which OpenID Connect provider issues the access
 * tokens (by its issuer URI, byte for byte), the audience they must carry, how much clock
 * skew is tolerated, and where in the token the roles and the display name are. A
 * provider's groups map onto our roles with {@code role-mapping}
 * ({@code group=role,...}).
 */
@ConfigurationProperties("incident-timeline.oidc")
record OidcProperties(String issuerUri, @DefaultValue("incident-timeline") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("name") String nameClaim, String roleMapping) {

	ActorClaims.Settings claims() {
		return new ActorClaims.Settings(this.rolesClaim, this.nameClaim, ActorClaims.Settings.mapping(this.roleMapping),
				Set.of(this.audience));
	}

}
