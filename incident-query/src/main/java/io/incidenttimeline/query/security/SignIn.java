package io.incidenttimeline.query.security;

import java.util.function.Supplier;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.function.SingletonSupplier;

/**
 * Signing people in to the dashboard: the OpenID Connect authorization-code flow with the
 * issuer of the bearer tokens, as the confidential client {@code OIDC_CLIENT_ID}. The
 * client registration is {@value #REGISTRATION_ID}; its details come from the issuer's
 * discovery document, fetched at the first sign-in rather than at start (and fetched
 * again while it fails), like the token keys.
 */
@Configuration(proxyBeanMethods = false)
class SignIn {

	static final String REGISTRATION_ID = "oidc";

	/** Where a browser goes to sign in: Spring Security redirects it to the issuer. */
	static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	@Bean
	ClientRegistrationRepository clientRegistrations(IdentitySettings settings) {
		Supplier<ClientRegistration> discovered = SingletonSupplier
			.of(() -> ClientRegistrations.fromIssuerLocation(settings.issuerUri())
				.registrationId(REGISTRATION_ID)
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				.scope("openid", "profile")
				.redirectUri(settings.redirectUri())
				.userNameAttributeName(IdTokenClaimNames.SUB)
				.build());
		return (registrationId) -> REGISTRATION_ID.equals(registrationId) ? discovered.get() : null;
	}

	/**
	 * The signed-in person with their roles as authorities, read from the ID token and
	 * the user info by {@link ActorClaims} with the same settings as bearer tokens.
	 */
	static OAuth2UserService<OidcUserRequest, OidcUser> people(ActorClaims.Settings claims) {
		OidcUserService userInfo = new OidcUserService();
		return (request) -> {
			OidcUser user = userInfo.loadUser(request);
			ActorClaims actor;
			try {
				actor = ActorClaims.of(user.getClaims(), claims);
			}
			catch (IllegalArgumentException ex) {
				throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", ex.getMessage(), null), ex);
			}
			return new DefaultOidcUser(Roles.authorities(actor.roles()), user.getIdToken(), user.getUserInfo(),
					IdTokenClaimNames.SUB);
		};
	}

}
