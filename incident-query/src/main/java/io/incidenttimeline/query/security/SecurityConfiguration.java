package io.incidenttimeline.query.security;

import java.util.Arrays;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static io.incidenttimeline.query.security.Roles.ADMIN;
import static io.incidenttimeline.query.security.Roles.VIEWER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may do what, in one place. Read the rules top down: the first that matches a
 * request decides. Roles come from the token or the signed-in person's ID token
 * ({@link Tokens}, {@link SignIn}); each includes the ones below it ({@link Roles}).
 *
 * <pre>
 * port        requests                                                    who
 * management  GET /actuator/health/**, /actuator/info                     anyone
 * management  GET /actuator/prometheus                                    anyone (the port is network-protected)
 * management  /api/admin/**                                               admin
 * public      GET /status, /status/**, /statuspage/**, /api/v2/**          anyone
 * public      GET /v3/api-docs/**, /swagger-ui/**, OAuth metadata          anyone
 * public      GET sign-in redirect and callback                           anyone
 * public      GET /api/incidents/** (incl. postmortems), /api/metrics/**,
 *             /api/status/overdue, /api/action-items, /api/postmortems/**,
 *             /api/dashboard/**, /api/stream, /dashboard/**                viewer
 * either      error pages                                                 anyone
 * either      anything else                                               nobody
 * </pre>
 *
 * Which port serves what is {@link PortRouting}'s: a request on the wrong port is a 404
 * before these rules are asked. Bearer-token requests are stateless; the dashboard's
 * pages use a session cookie from signing in, and their scripts' requests carry it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class SecurityConfiguration {

	/** The API the dashboard's scripts use, and other readers of incidents. */
	private static final String[] VIEWER_API = { "/api/incidents/**", "/api/metrics/**", "/api/status/overdue",
			"/api/action-items", "/api/postmortems/**", "/api/dashboard/**", "/api/stream" };

	/** A browser's page: without a session it is sent to sign in, not answered 401. */
	private static final RequestMatcher PAGES = new AndRequestMatcher(
			new OrRequestMatcher(pathPattern(GET, "/dashboard"), pathPattern(GET, "/dashboard/**")),
			new NegatedRequestMatcher(SecurityConfiguration::hasBearerToken));

	@Bean
	SecurityFilterChain rules(HttpSecurity http, ManagementPort managementPort, IdentitySettings settings) {
		RequestMatcher management = managementPort.requests();
		RequestMatcher publicPort = new NegatedRequestMatcher(management);
		http.authorizeHttpRequests((requests) -> requests
			// probes (Kubernetes, health-probe.jar) ask without a token
			.requestMatchers(on(management, GET, "/actuator/health/**", "/actuator/info"))
			.permitAll()
			// Prometheus scrapes without a token: the port is network-protected
			.requestMatchers(on(management, GET, "/actuator/prometheus"))
			.permitAll()
			// rebuilds, parked events, dead letters change what everyone sees
			.requestMatchers(on(management, null, "/api/admin/**"))
			.hasRole(ADMIN)
			// the status page, its feed and assets, the Statuspage API: customers
			.requestMatchers(on(publicPort, GET, "/status", "/status/**", "/statuspage/**", "/api/v2/**"))
			.permitAll()
			// how to call the API, and where to get a token (RFC 9728 metadata)
			.requestMatchers(on(publicPort, GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
					"/.well-known/oauth-protected-resource/**"))
			.permitAll()
			// signing in: to the issuer and back (their own filters answer first)
			.requestMatchers(on(publicPort, GET, SignIn.SIGN_IN_PATH, "/login/oauth2/code/*"))
			.permitAll()
			// incidents with internal notes and reasons, metrics, the dashboard
			.requestMatchers(on(publicPort, GET, VIEWER_API), on(publicPort, GET, "/dashboard", "/dashboard/**"))
			.hasRole(VIEWER)
			// an error page renders the answer to a request already decided
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			// fail closed: a new endpoint is refused until it has a rule here
			.anyRequest()
			.denyAll());

		Problems problems = new Problems();
		AuthenticationEntryPoint signInFirst = new LoginUrlAuthenticationEntryPoint(SignIn.SIGN_IN_PATH);
		AuthenticationEntryPoint pagesSignInApiAnswers401 = (request, response,
				exception) -> (PAGES.matches(request) ? signInFirst : problems).commence(request, response, exception);
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(pagesSignInApiAnswers401)
			.accessDeniedHandler(problems));
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.jwt((jwt) -> jwt.jwtAuthenticationConverter(Tokens.authentication(settings.actorClaims())))
			.authenticationEntryPoint(problems)
			.protectedResourceMetadata((metadata) -> metadata
				.protectedResourceMetadataCustomizer((resource) -> resource.authorizationServer(settings.issuerUri())
					.tlsClientCertificateBoundAccessTokens(false))));
		http.oauth2Login((signIn) -> signIn.loginPage(SignIn.SIGN_IN_PATH)
			.defaultSuccessUrl("/dashboard")
			.failureHandler((request, response, exception) -> response.sendError(401,
					"Signing in failed: " + exception.getMessage()))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(SignIn.people(settings.actorClaims()))));
		// only a page is remembered to return to after signing in: an API request that is
		// refused must not start a session
		HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
		pagesOnly.setRequestMatcher(PAGES);
		// back to the page's own address, without a "?continue" marker
		pagesOnly.setMatchingRequestParameterName(null);
		http.requestCache((cache) -> cache.requestCache(pagesOnly));
		// CSRF: a browser sends the session cookie with any request to this host, also
		// one a foreign site triggers (cookies know no ports: the management port gets it
		// too), so a cookie-session request that changes something must carry the CSRF
		// token. A bearer-token request cannot be forged that way: no browser adds an
		// Authorization header by itself, and the token, not a cookie, says who asks. A
		// request without a session abuses nobody's: it is refused as anonymous (401).
		http.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
				(request) -> request.getRequestedSessionId() != null,
				new NegatedRequestMatcher(SecurityConfiguration::hasBearerToken))));
		http.cors(Customizer.withDefaults());
		// no sign-out yet (README, open issues): the session ends after 30 idle minutes
		http.logout((logout) -> logout.disable());
		return http.build();
	}

	@Bean
	ActorArgumentResolver actorArgumentResolver(IdentitySettings settings) {
		return new ActorArgumentResolver(settings.actorClaims());
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return Roles.hierarchy();
	}

	/**
	 * The Statuspage API is open to scripts of any origin (public data, no cookies); the
	 * query API only to those of {@code CORS_ALLOWED_ORIGINS} (none by default); the
	 * admin operations to none.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(IdentitySettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		CorsConfiguration statuspage = new CorsConfiguration();
		statuspage.addAllowedOrigin(CorsConfiguration.ALL);
		statuspage.addAllowedMethod(HttpMethod.GET);
		source.registerCorsConfiguration("/api/v2/**", statuspage);
		if (!settings.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOrigins(settings.corsAllowedOrigins());
			api.addAllowedMethod(HttpMethod.GET);
			api.addAllowedHeader(HttpHeaders.AUTHORIZATION);
			api.addExposedHeader("X-Last-Applied-Sequence");
			for (String path : VIEWER_API) {
				source.registerCorsConfiguration(path, api);
			}
		}
		return source;
	}

	@Bean
	FilterRegistrationBean<PortRouting> portRouting(ManagementPort managementPort) {
		FilterRegistrationBean<PortRouting> registration = new FilterRegistrationBean<>(
				new PortRouting(managementPort));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	/**
	 * Requests on that port with that method (null: any) to one of those path patterns.
	 */
	private static RequestMatcher on(RequestMatcher port, HttpMethod method, String... patterns) {
		return new AndRequestMatcher(port, new OrRequestMatcher(
				Arrays.stream(patterns).map((pattern) -> (RequestMatcher) pathPattern(method, pattern)).toList()));
	}

	private static boolean hasBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
