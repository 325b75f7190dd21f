package io.incidenttimeline.command.security;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who calls, as the verified token of the current request says: the module's published
 * API. The subject is the stable id events record as their actor, the display name their
 * {@code actorName}, the client their source; the roles include those the hierarchy
 * implies.
 */
@Component
public class Callers {

	private final ActorClaims.Settings settings;

	private final RoleHierarchy hierarchy;

	Callers(OidcProperties oidc, RoleHierarchy hierarchy) {
		this.settings = oidc.claims();
		this.hierarchy = hierarchy;
	}

	/**
	 * @throws IllegalStateException when the current request was not authenticated by a
	 * token (an endpoint that needs a caller but has no rule requiring one)
	 */
	public ActorClaims current() {
		return ActorClaims.of(token().getTokenAttributes(), this.settings);
	}

	/**
	 * Whether the current caller holds the role, or a role above it.
	 */
	public boolean has(String role) {
		String authority = Roles.authority(role);
		return this.hierarchy.getReachableGrantedAuthorities(token().getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority::equals);
	}

	private static JwtAuthenticationToken token() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return token;
		}
		throw new IllegalStateException("the request was not authenticated by a bearer token");
	}

}
