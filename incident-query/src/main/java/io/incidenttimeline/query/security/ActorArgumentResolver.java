package io.incidenttimeline.query.security;

import java.util.List;
import java.util.Map;

import io.incidenttimeline.events.ActorClaims;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller parameter of type {@link ActorClaims} is who asks: read from the bearer
 * token or from the signed-in person's ID token, with the configured claims; null for an
 * anonymous request. Registered by {@link SecurityConfiguration}.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final ActorClaims.Settings claims;

	ActorArgumentResolver(ActorClaims.Settings claims) {
		this.claims = claims;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ActorClaims.class;
	}

	@Override
	public ActorClaims resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Map<String, Object> claims = claims(SecurityContextHolder.getContext().getAuthentication());
		return (claims != null) ? ActorClaims.of(claims, this.claims) : null;
	}

	private static Map<String, Object> claims(Authentication authentication) {
		Object principal = (authentication != null) ? authentication.getPrincipal() : null;
		if (principal instanceof OidcUser person) {
			return person.getClaims();
		}
		if (principal instanceof Jwt token) {
			return token.getClaims();
		}
		return null;
	}

}
