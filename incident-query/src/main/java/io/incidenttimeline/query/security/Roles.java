package io.incidenttimeline.query.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The global roles a token or a signed-in person carries (lower case, as
 * {@code ActorClaims} reads them), each including the ones below it: admin &gt; commander
 * &gt; responder &gt; viewer.
 */
final class Roles {

	static final String VIEWER = "viewer";

	static final String RESPONDER = "responder";

	static final String COMMANDER = "commander";

	static final String ADMIN = "admin";

	private static final String PREFIX = "ROLE_";

	private Roles() {
	}

	static RoleHierarchy hierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(ADMIN)
			.implies(COMMANDER)
			.role(COMMANDER)
			.implies(RESPONDER)
			.role(RESPONDER)
			.implies(VIEWER)
			.build();
	}

	/**
	 * Spring Security's authorities for these roles; any role a provider sends is kept,
	 * only ours grant anything.
	 */
	static List<GrantedAuthority> authorities(Collection<String> roles) {
		return roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(PREFIX + role)).toList();
	}

}
