package io.incidenttimeline.command.http;

import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one place that decides who the caller is.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

	static final String ACTOR_HEADER = "X-Actor";

	static final String SOURCE_HEADER = "X-Source";

	static final String DEFAULT_SOURCE = "api";

	private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

	static final String SOURCE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

	private static final Pattern SOURCE = Pattern.compile(SOURCE_PATTERN);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		String name = webRequest.getHeader(ACTOR_HEADER);
		if (name == null || name.isBlank()) {
			throw new InvalidRequestException(ACTOR_HEADER, "the X-Actor header names who acts and is required");
		}
		if (name.length() > 100) {
			throw new InvalidRequestException(ACTOR_HEADER, "must be at most 100 characters");
		}
		if (CONTROL_CHARACTERS.matcher(name).find()) {
			throw new InvalidRequestException(ACTOR_HEADER, "must not contain control characters");
		}
		String source = webRequest.getHeader(SOURCE_HEADER);
		if (source == null) {
			return new Actor(name, DEFAULT_SOURCE);
		}
		if (!SOURCE.matcher(source).matches()) {
			throw new InvalidRequestException(SOURCE_HEADER, "must match " + SOURCE.pattern());
		}
		return new Actor(name, source);
	}

}
