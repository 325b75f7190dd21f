package io.incidenttimeline.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who acts, read from the claims of a verified OAuth 2.0 access token (JWT) of any OpenID
 * Connect provider; both services read tokens this one way.
 * <ul>
 * <li>{@code subject}: the token's {@code sub}, a stable id; it is what events record as
 * their actor.</li>
 * <li>{@code displayName}: the configured name claim ({@code name} by default), else
 * {@code preferred_username}, else the subject.</li>
 * <li>{@code client}: the OAuth client that presented the token ({@code client_id} of RFC
 * 9068, else {@code azp}, else the first audience that is not one of ours); events record
 * it as their source. When the token says another party acts for the subject (RFC 8693
 * {@code act}), that party is the client: automation acting for a person records the
 * person as actor and the automation as source.</li>
 * <li>{@code roles}: the values of the configured roles claim (a dotted path such as
 * {@code realm_access.roles} reaches into nested claims; a list or a space- or
 * comma-separated string), each mapped through the configured role mapping (a provider's
 * group to one of our roles) or, without a mapping for it, taken as it is; lower
 * case.</li>
 * </ul>
 */
public record ActorClaims(String subject, String displayName, String client, Set<String> roles) {

	public ActorClaims {
		Require.text(subject, "subject", FieldLimits.ACTOR);
		displayName = Text.shorten(Require.text(displayName, "displayName", Integer.MAX_VALUE), FieldLimits.ACTOR);
		client = Require.text(client, "client", FieldLimits.ACTOR);
		roles = Set.copyOf(roles);
	}

	/**
	 * @param claims the verified token's claims
	 * @param settings which claims to read, and how roles map
	 * @throws IllegalArgumentException when the token names no subject
	 */
	public static ActorClaims of(Map<String, Object> claims, Settings settings) {
		String subject = text(claims.get("sub"));
		if (subject == null) {
			throw new IllegalArgumentException("the token has no subject (sub)");
		}
		String displayName = first(text(at(claims, settings.nameClaim())), text(claims.get("preferred_username")),
				subject);
		String client = first(actingParty(claims.get("act")), text(claims.get("client_id")), text(claims.get("azp")),
				otherAudience(claims.get("aud"), settings.audiences()), subject);
		Set<String> roles = new LinkedHashSet<>();
		for (String value : values(at(claims, settings.rolesClaim()))) {
			String role = settings.roleMapping().getOrDefault(value, value);
			if (!role.isBlank()) {
				roles.add(role.toLowerCase(Locale.ROOT));
			}
		}
		return new ActorClaims(subject, displayName, client, roles);
	}

	/**
	 * The claim at a dotted path; a claim whose own name contains a dot is found too.
	 */
	static Object at(Map<String, Object> claims, String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		if (claims.containsKey(path)) {
			return claims.get(path);
		}
		Object current = claims;
		for (String step : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(step);
		}
		return current;
	}

	private static List<String> values(Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> collection) {
			collection.forEach((value) -> {
				String text = text(value);
				if (text != null) {
					values.add(text);
				}
			});
		}
		else if (claim instanceof String text) {
			for (String value : text.split("[\\s,]+")) {
				if (!value.isBlank()) {
					values.add(value);
				}
			}
		}
		return values;
	}

	private static String actingParty(Object act) {
		return (act instanceof Map<?, ?> actor) ? text(actor.get("sub")) : null;
	}

	private static String otherAudience(Object aud, Set<String> ours) {
		for (String audience : values(aud)) {
			if (!ours.contains(audience)) {
				return audience;
			}
		}
		return null;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	private static String first(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Which claims to read and how a provider's groups map onto our roles.
	 * {@code audiences} are ours (the audience tokens must carry), never taken for the
	 * client.
	 */
	public record Settings(String rolesClaim, String nameClaim, Map<String, String> roleMapping,
			Set<String> audiences) {

		public Settings {
			rolesClaim = (rolesClaim == null || rolesClaim.isBlank()) ? "roles" : rolesClaim;
			nameClaim = (nameClaim == null || nameClaim.isBlank()) ? "name" : nameClaim;
			roleMapping = (roleMapping == null) ? Map.of() : Map.copyOf(roleMapping);
			audiences = (audiences == null) ? Set.of() : Set.copyOf(audiences);
		}

		/**
		 * A mapping written as {@code group=role,other-group=role} (environment
		 * variables), blank for none.
		 * @throws IllegalArgumentException for an entry without {@code =}
		 */
		public static Map<String, String> mapping(String text) {
			Map<String, String> mapping = new java.util.LinkedHashMap<>();
			if (text == null || text.isBlank()) {
				return mapping;
			}
			for (String entry : text.split(",")) {
				int equals = entry.indexOf('=');
				if (equals < 1) {
					throw new IllegalArgumentException("a role mapping entry is group=role, not " + entry.strip());
				}
				mapping.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
			}
			return mapping;
		}

	}

}
