package io.incidenttimeline.command.incident.web;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who acts, from the request headers, and those headers in the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class IncidentApiConfiguration implements WebMvcConfigurer {

	static {
		// The actor comes from headers, not from query parameters as its shape would
		// suggest.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActorArgumentResolver());
	}

	/**
	 * Documents the headers that {@link ActorArgumentResolver} and
	 * {@link IdempotentCommands} read, on every operation that takes an {@link Actor}.
	 */
	@Bean
	OperationCustomizer requestHeaders() {
		return (operation, handlerMethod) -> {
			boolean acts = Arrays.stream(handlerMethod.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Actor.class);
			if (acts) {
				operation.addParametersItem(new HeaderParameter().name(ActorArgumentResolver.ACTOR_HEADER)
					.required(true)
					.description(
							"who acts: 1 to " + ActorArgumentResolver.MAX_ACTOR + " characters, no control characters")
					.schema(new StringSchema().minLength(1).maxLength(ActorArgumentResolver.MAX_ACTOR)));
				operation.addParametersItem(new HeaderParameter().name(ActorArgumentResolver.SOURCE_HEADER)
					.description("the client or integration acting, default " + ActorArgumentResolver.DEFAULT_SOURCE)
					.schema(new StringSchema().pattern(ActorArgumentResolver.SOURCE_PATTERN)));
				operation.addParametersItem(new HeaderParameter().name(IdempotentCommands.HEADER)
					.description("a retry with the same key and body returns the first response and records nothing")
					.schema(new StringSchema().maxLength(IdempotentCommands.MAX_KEY)));
			}
			return operation;
		};
	}

}
