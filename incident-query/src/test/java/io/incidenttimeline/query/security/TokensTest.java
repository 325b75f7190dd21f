package io.incidenttimeline.query.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a verified token must also be to be accepted, and what it says about who acts. The
 * signature and the issuer's keys: {@code AuthorizationIT}, with real tokens.
 */
class TokensTest {

	private static final String ISSUER = "https://login.example.com/realms/ops";

	private static final IdentitySettings DEFAULTS = new IdentitySettings(ISSUER, "incident-timeline",
			Duration.ofSeconds(30), "roles", "name", null, "dashboard", "secret", "{baseUrl}/login/oauth2/code/oidc",
			null);

	private final OAuth2TokenValidator<Jwt> validator = Tokens.validator(DEFAULTS);

	@Test
	void aTokenExpiredWithinTheClockSkewIsStillAcceptedOneBeyondItIsNot() {
		assertThat(valid(token(Map.of(), Instant.now().minusSeconds(10)))).isTrue();
		assertThat(valid(token(Map.of(), Instant.now().minusSeconds(40)))).isFalse();
	}

	@Test
	void aTokenMustBeFromTheIssuerForOurAudienceAndAboutASubject() {
		assertThat(valid(token(Map.of(), Instant.now().plusSeconds(60)))).isTrue();
		assertThat(valid(token(Map.of("iss", "https://login.example.com/realms/other"), Instant.now().plusSeconds(60))))
			.isFalse();
		assertThat(valid(token(Map.of("aud", List.of("other-app")), Instant.now().plusSeconds(60)))).isFalse();
		assertThat(valid(token(Map.of("sub", " "), Instant.now().plusSeconds(60)))).isFalse();
	}

	@Test
	void rolesFromANestedClaimMapThroughTheProvidersGroupsOntoAuthorities() {
		IdentitySettings keycloak = new IdentitySettings(ISSUER, "incident-timeline", Duration.ofSeconds(30),
				"realm_access.roles", "given_name", "sre-oncall=responder,sre-leads=admin", "dashboard", "secret",
				"{baseUrl}/login/oauth2/code/oidc", null);

		AbstractAuthenticationToken authentication = Tokens.authentication(keycloak.actorClaims())
			.convert(token(
					Map.of("sub", "u-17", "realm_access", Map.of("roles", List.of("sre-oncall", "offline_access"))),
					Instant.now().plusSeconds(60)));

		assertThat(authentication.getName()).isEqualTo("u-17");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_responder", "ROLE_offline_access");
	}

	@Test
	void aTokenThatNamesNobodyUsableIsAnInvalidToken() {
		assertThatThrownBy(() -> Tokens.authentication(DEFAULTS.actorClaims())
			.convert(token(Map.of("sub", "x".repeat(10_000)), Instant.now().plusSeconds(60))))
			.isInstanceOf(InvalidBearerTokenException.class);
	}

	@Test
	void aRoleMappingWithoutEqualsStopsTheStart() {
		assertThatThrownBy(() -> new IdentitySettings(ISSUER, "incident-timeline", Duration.ofSeconds(30), "roles",
				"name", "sre-oncall", "dashboard", "secret", "{baseUrl}/login/oauth2/code/oidc", null))
			.hasMessageContaining("group=role");
	}

	private boolean valid(Jwt token) {
		return !this.validator.validate(token).hasErrors();
	}

	private static Jwt token(Map<String, Object> claims, Instant expiresAt) {
		Jwt.Builder token = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.header("typ", "JWT")
			.issuer(ISSUER)
			.subject("alice")
			.audience(List.of("incident-cli", "incident-timeline"))
			.issuedAt(expiresAt.minusSeconds(300))
			.expiresAt(expiresAt)
			.claim("roles", List.of("responder"));
		claims.forEach(token::claim);
		return token.build();
	}

}
