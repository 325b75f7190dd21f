package io.incidenttimeline.command.incident.web;

import java.util.Arrays;
import java.util.List;

import io.incidenttimeline.command.security.Callers;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who acts, from the verified token, and the Idempotency-Key header in the OpenAPI
 * document; expired idempotency keys are deleted on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncidentApiConfiguration implements WebMvcConfigurer {

	static {
		// The actor comes from the token, not from query parameters as its shape would
		// suggest.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	private final Callers callers;

	IncidentApiConfiguration(Callers callers) {
		this.callers = callers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActorArgumentResolver(this.callers));
	}

	/**
	 * Documents the header {@link IdempotentCommands} reads, on every operation that
	 * takes an {@link Actor}.
	 */
	@Bean
	OperationCustomizer requestHeaders() {
		return (operation, handlerMethod) -> {
			boolean acts = Arrays.stream(handlerMethod.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Actor.class);
			if (acts) {
				operation.addParametersItem(new HeaderParameter().name(IdempotentCommands.HEADER)
					.description("a retry with the same key and body by the same caller within the key's lifetime "
							+ "returns the first response and records nothing")
					.schema(new StringSchema().maxLength(IdempotentCommands.MAX_KEY)));
			}
			return operation;
		};
	}

}
