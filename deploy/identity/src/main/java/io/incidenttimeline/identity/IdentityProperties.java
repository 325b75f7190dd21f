package io.incidenttimeline.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample people and clients, read from {@code application.yml}.
 *
 * @param dataDirectory where the signing key is kept between restarts
 * @param people sample people by username (their stable id, the token's {@code sub})
 * @param clients registered clients by client id
 */
@ConfigurationProperties("identity")
record IdentityProperties(Path dataDirectory, @DefaultValue Map<String, Person> people,
		@DefaultValue Map<String, Client> clients) {

	/**
	 * @param name display name, the {@code name} claim
	 * @param roles roles without the {@code ROLE_} prefix
	 */
	record Person(String name, @DefaultValue List<String> roles) {

	}

	/**
	 * @param secret client secret; none makes a public client (PKCE, no authentication)
	 * @param grantTypes {@code authorization_code}, {@code refresh_token},
	 * {@code client_credentials}
	 * @param redirectUris blank entries are ignored, so an unset environment variable in
	 * the list is harmless
	 * @param audiences audiences the access tokens carry besides the client id
	 * @param name the {@code name} claim of client-credentials tokens
	 * @param roles the {@code roles} claim of client-credentials tokens
	 */
	record Client(String secret, @DefaultValue Set<String> grantTypes, @DefaultValue Set<String> scopes,
			@DefaultValue List<String> redirectUris, @DefaultValue List<String> postLogoutRedirectUris,
			@DefaultValue("5m") Duration accessTokenTimeToLive, @DefaultValue List<String> audiences, String name,
			@DefaultValue List<String> roles) {

		Client {
			redirectUris = redirectUris.stream().map(String::trim).filter((uri) -> !uri.isEmpty()).toList();
		}

		boolean isPublic() {
			return this.secret == null || this.secret.isBlank();
		}

	}

}
