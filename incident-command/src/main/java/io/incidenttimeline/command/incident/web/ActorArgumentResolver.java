package io.incidenttimeline.command.incident.web;

import io.incidenttimeline.command.security.Callers;
import io.incidenttimeline.command.security.Roles;
import io.incidenttimeline.events.ActorClaims;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides who the caller is: the authenticated principal, never a
 * header a client could set.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

	private final Callers callers;

	ActorArgumentResolver(Callers callers) {
		this.callers = callers;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		ActorClaims caller = this.callers.current();
		return new Actor(caller.subject(), caller.displayName(), caller.client(), this.callers.has(Roles.COMMANDER));
	}

}
