package io.incidenttimeline.identity;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registered clients made from {@link IdentityProperties.Client} entries. What the token
 * customizer needs to know about a client (extra audiences, the name and roles of its
 * client-credentials tokens) travels in the client's settings.
 */
final class SampleClients {

	static final String AUDIENCES = "incident-timeline.audiences";

	static final String NAME = "incident-timeline.name";

	static final String ROLES = "incident-timeline.roles";

	private SampleClients() {
	}

	static InMemoryRegisteredClientRepository repository(Map<String, IdentityProperties.Client> clients) {
		return new InMemoryRegisteredClientRepository(
				clients.entrySet().stream().map((entry) -> registered(entry.getKey(), entry.getValue())).toList());
	}

	static RegisteredClient registered(String clientId, IdentityProperties.Client client) {
		RegisteredClient.Builder builder = RegisteredClient.withId(clientId).clientId(clientId);
		if (client.isPublic()) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		else {
			builder.clientSecret("{noop}" + client.secret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		}
		client.grantTypes()
			.forEach((grantType) -> builder.authorizationGrantType(new AuthorizationGrantType(grantType)));
		client.scopes().forEach(builder::scope);
		client.redirectUris().forEach(builder::redirectUri);
		client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
		String name = (client.name() != null) ? client.name() : clientId;
		return builder
			.clientSettings(ClientSettings.builder()
				.requireProofKey(true)
				.requireAuthorizationConsent(false)
				.setting(AUDIENCES, List.copyOf(client.audiences()))
				.setting(NAME, name)
				.setting(ROLES, List.copyOf(client.roles()))
				.build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(client.accessTokenTimeToLive()).build())
			.build();
	}

}
