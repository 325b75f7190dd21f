package io.incidenttimeline.identity;

import java.util.Set;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The parts Spring Boot's authorization-server auto-configuration does not make from
 * properties: the people, the clients, the signing key on disk and the token claims. Boot
 * still provides the endpoints, the login form and the issuer (from
 * {@code spring.security.oauth2.authorizationserver.issuer}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	private static final Log logger = LogFactory.getLog(IdentityConfiguration.class);

	@Bean
	UserDetailsService samplePeople(IdentityProperties properties) {
		return SamplePeople.users(properties.people());
	}

	@Bean
	RegisteredClientRepository sampleClients(IdentityProperties properties) {
		return SampleClients.repository(properties.clients());
	}

	@Bean
	JWKSource<SecurityContext> signingKey(IdentityProperties properties) {
		return new ImmutableJWKSet<>(SigningKeyFile.loadOrCreate(properties.dataDirectory()));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(IdentityProperties properties) {
		return new TokenClaims(properties.people());
	}

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http) {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.oidc(Customizer.withDefaults());
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// the userinfo endpoint takes the access token
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginForm(HttpSecurity http) {
		// /error stays open, or a rejected request (an unregistered redirect URI, a
		// missing CSRF token) shows up as a redirect to the login page, not as 400 or 403
		http.authorizeHttpRequests(
				(authorize) -> authorize.requestMatchers("/error").permitAll().anyRequest().authenticated());
		http.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@EventListener
	void warnLocalOnly(ApplicationReadyEvent ready) {
		AuthorizationServerSettings settings = ready.getApplicationContext().getBean(AuthorizationServerSettings.class);
		IdentityProperties properties = ready.getApplicationContext().getBean(IdentityProperties.class);
		logger.warn("LOCAL USE AND TESTS ONLY: this identity provider's sample passwords and client secrets are public."
				+ " Issuer " + settings.getIssuer() + "; people " + properties.people().keySet()
				+ " (password = username); clients " + properties.clients().keySet());
	}

}
