package io.incidenttimeline.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds who the token is about to access and ID tokens: {@code name},
 * {@code preferred_username} and {@code roles} (without the {@code ROLE_} prefix), and to
 * access tokens the audiences the client is registered with and the {@code client_id}. A
 * person's roles come from their {@code ROLE_*} authorities; a client-credentials token's
 * from the client's settings.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	private static final String ROLE_PREFIX = "ROLE_";

	private final Map<String, IdentityProperties.Person> people;

	TokenClaims(Map<String, IdentityProperties.Person> people) {
		this.people = people;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (!accessToken && !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		RegisteredClient client = context.getRegisteredClient();
		JwtClaimsSet.Builder claims = context.getClaims();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			claims.claim(StandardClaimNames.NAME, client.getClientSettings().<String>getSetting(SampleClients.NAME));
			claims.claim(StandardClaimNames.PREFERRED_USERNAME, client.getClientId());
			claims.claim(ROLES, client.getClientSettings().<List<String>>getSetting(SampleClients.ROLES));
		}
		else {
			Authentication person = context.getPrincipal();
			IdentityProperties.Person details = this.people.get(person.getName());
			claims.claim(StandardClaimNames.NAME, (details != null) ? details.name() : person.getName());
			claims.claim(StandardClaimNames.PREFERRED_USERNAME, person.getName());
			claims.claim(ROLES, roles(person));
		}
		if (accessToken) {
			// RFC 9068: the client the token was issued to, which resource servers record
			// as the source
			claims.claim("client_id", client.getClientId());
			List<String> audience = new ArrayList<>();
			audience.add(client.getClientId());
			audience.addAll(client.getClientSettings().<List<String>>getSetting(SampleClients.AUDIENCES));
			claims.audience(audience);
		}
	}

	// Spring Security 7 also grants FACTOR_* authorities (how the person signed in): not
	// roles
	private static List<String> roles(Authentication person) {
		return person.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.sorted()
			.toList();
	}

}
