package io.incidenttimeline.command.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: every rule of the service, in one table, first match wins. Both
 * ports (the public one and the management one) run these filter chains. A request no
 * rule names is denied: a new endpoint fails closed until a rule names it
 * ({@code AuthorizationIT} lists every documented endpoint and fails for one without an
 * expectation).
 * <p>
 * A severity downgrade needs a commander too; the incident decides that, as only it knows
 * the current severity ({@code IncidentController} tells it the caller's level).
 * <p>
 * Sessions are never created (every request carries its token) and CSRF protection is
 * off: CSRF rides on credentials a browser attaches by itself (cookies), and this service
 * neither sets nor reads any; a bearer token is sent only by code that holds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AccessRules {

	/**
	 * The alert senders' endpoints. Each authenticates its sender with the sender's own
	 * credential in its controller (a bearer token, basic auth, an HMAC signature, a
	 * routing key); a bearer token here is that credential, not a JWT, so no
	 * resource-server filter ever sees these requests.
	 */
	static final Map<String, List<HttpMethod>> ALERT_WEBHOOKS = Map.of("/api/alerts/alertmanager", List.of(POST),
			"/api/alerts/grafana", List.of(POST, PUT), "/api/alerts/cloudevents", List.of(POST), "/v2/enqueue",
			List.of(POST));

	@Bean
	@Order(1)
	SecurityFilterChain alertWebhooks(HttpSecurity http) throws Exception {
		List<RequestMatcher> webhooks = ALERT_WEBHOOKS.entrySet()
			.stream()
			.flatMap((webhook) -> webhook.getValue().stream().map((method) -> request(method, webhook.getKey())))
			.toList();
		return stateless(http.securityMatcher(new OrRequestMatcher(webhooks)))
			// authenticated by each sender's controller: see ALERT_WEBHOOKS
			.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http, JwtDecoder jwtDecoder,
			JwtAuthenticationConverter tokenAuthentication, JsonMapper json, CorsProperties cors) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		return stateless(http).cors((configurer) -> configurer.configurationSource(cors(cors)))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokenAuthentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((rules) -> rules
				// error pages: whoever got an error may read it
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				// the API's description and its browser: public, they grant nothing
				.requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// management port: probes and metrics for the cluster (network policy)
				.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				// management port: every other endpoint, admins only
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole(Roles.name(Roles.ADMIN))
				// public port: serves no actuator endpoint, so everyone gets a 404
				.requestMatchers("/actuator", "/actuator/**")
				.permitAll()
				// the record itself: the audit trail, its export, the alert receipts
				.requestMatchers(GET, "/api/incidents/{incidentId}/events", "/api/incidents/{incidentId}/export",
						"/api/alerts")
				.hasRole(Roles.name(Roles.VIEWER))
				// the incident's lifecycle: ending it and reopening it; correcting the
				// record of its key moments
				.requestMatchers(POST, "/api/incidents/{incidentId}/resolution",
						"/api/incidents/{incidentId}/reopening", "/api/incidents/{incidentId}/corrections")
				.hasRole(Roles.name(Roles.COMMANDER))
				// the postmortem's sign-off: reviewing and publishing it
				.requestMatchers(POST, "/api/incidents/{incidentId}/postmortem/review",
						"/api/incidents/{incidentId}/postmortem/publication")
				.hasRole(Roles.name(Roles.COMMANDER))
				// writing the postmortem: starting it, its sections, its action items
				.requestMatchers(POST, "/api/incidents/{incidentId}/postmortem",
						"/api/incidents/{incidentId}/action-items",
						"/api/incidents/{incidentId}/action-items/{itemId}/completion",
						"/api/incidents/{incidentId}/action-items/{itemId}/drop")
				.hasRole(Roles.name(Roles.RESPONDER))
				.requestMatchers(PUT, "/api/incidents/{incidentId}/postmortem/sections/{section}")
				.hasRole(Roles.name(Roles.RESPONDER))
				.requestMatchers(PATCH, "/api/incidents/{incidentId}/action-items/{itemId}")
				.hasRole(Roles.name(Roles.RESPONDER))
				// working the incident (a severity downgrade: commanders, see the class
				// comment)
				.requestMatchers(POST, "/api/incidents", "/api/incidents/{incidentId}/acknowledgements",
						"/api/incidents/{incidentId}/roles", "/api/incidents/{incidentId}/status",
						"/api/incidents/{incidentId}/mitigations", "/api/incidents/{incidentId}/updates",
						"/api/incidents/{incidentId}/notes", "/api/incidents/{incidentId}/severity")
				.hasRole(Roles.name(Roles.RESPONDER))
				// everything else, a new endpoint included, until a rule above names it
				.anyRequest()
				.denyAll())
			.build();
	}

	/**
	 * admin > commander > responder > viewer: each rule names the lowest role it needs.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return Roles.hierarchy();
	}

	/**
	 * No session, no session cookie (not even on a 401), no saved request to return to,
	 * no CSRF token: see the class comment.
	 */
	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
	}

	/**
	 * Scripts of the configured web origins may call {@code /api/**} with a bearer token;
	 * without origins, no cross-origin call is allowed.
	 */
	private static CorsConfigurationSource cors(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.allowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(properties.allowedOrigins());
			configuration.setAllowedMethods(List.of(GET.name(), POST.name(), PUT.name(), PATCH.name()));
			configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
					HttpHeaders.ACCEPT, "Idempotency-Key"));
			configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE));
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

	private static RequestMatcher request(HttpMethod method, String path) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, path);
	}

}
