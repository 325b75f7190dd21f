package io.incidenttimeline.command.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.InvalidRequestException;
import io.incidenttimeline.events.FieldLimits;

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

	/**
	 * A person's name, as long as any name on the timeline.
	 */
	static final int MAX_ACTOR = FieldLimits.NAME;

	/**
	 * The client or integration acting: named like an integration.
	 */
	static final String SOURCE_PATTERN = "[a-z0-9][a-z0-9._-]{0," + (FieldLimits.INTEGRATION - 1) + "}";

	private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

	private static final Pattern SOURCE = Pattern.compile(SOURCE_PATTERN);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = webRequest.getHeader(ACTOR_HEADER);
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem(ACTOR_HEADER, "the X-Actor header names who acts and is required"));
		}
		else if (name.length() > MAX_ACTOR) {
			problems.add(new FieldProblem(ACTOR_HEADER, "must be at most " + MAX_ACTOR + " characters"));
		}
		else if (CONTROL_CHARACTERS.matcher(name).find()) {
			problems.add(new FieldProblem(ACTOR_HEADER, "must not contain control characters"));
		}
		String source = webRequest.getHeader(SOURCE_HEADER);
		if (source != null && !SOURCE.matcher(source).matches()) {
			problems.add(new FieldProblem(SOURCE_HEADER, "must match " + SOURCE_PATTERN));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new Actor(name, (source != null) ? source : DEFAULT_SOURCE);
	}

}
