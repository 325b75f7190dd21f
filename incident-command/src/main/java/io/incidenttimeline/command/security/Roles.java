package io.incidenttimeline.command.security;

import java.util.Locale;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The four roles a token may grant, each including the ones below it: admin > commander >
 * responder > viewer. Global (not per incident), named by the identity provider in the
 * roles claim (or mapped onto these through {@code OIDC_ROLE_MAPPING}), lower case.
 */
public final class Roles {

	/** Reads the internal views: the audit trail, the export, the alert receipts. */
	public static final String VIEWER = "viewer";

	/**
	 * Works incidents: declares, acknowledges, updates, mitigates, raises severity;
	 * writes postmortems and their action items.
	 */
	public static final String RESPONDER = "responder";

	/**
	 * Decides about incidents: resolves, reopens, lowers severity, corrects key moments,
	 * reviews and publishes postmortems.
	 */
	public static final String COMMANDER = "commander";

	/** Operates the service: every management endpoint beyond health, info, metrics. */
	public static final String ADMIN = "admin";

	private Roles() {
	}

	static RoleHierarchy hierarchy() {
		return RoleHierarchyImpl.fromHierarchy(String.join("\n", authority(ADMIN) + " > " + authority(COMMANDER),
				authority(COMMANDER) + " > " + authority(RESPONDER), authority(RESPONDER) + " > " + authority(VIEWER)));
	}

	/**
	 * The role's name as Spring Security's {@code hasRole} takes it: {@code RESPONDER}.
	 */
	static String name(String role) {
		return role.toUpperCase(Locale.ROOT);
	}

	/**
	 * The authority a role becomes: {@code ROLE_RESPONDER}.
	 */
	static String authority(String role) {
		return "ROLE_" + name(role);
	}

}
