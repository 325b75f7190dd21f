package io.incidenttimeline.command.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says how to authenticate: a bearer access token (a JWT from the
 * configured OpenID Connect provider) everywhere, except on the alert webhooks, which
 * take their sender's own credential.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

	static final String BEARER = "bearer";

	@Bean
	OpenApiCustomizer bearerTokens() {
		return (openApi) -> {
			openApi.components((openApi.getComponents() != null) ? openApi.getComponents() : new Components())
				.getComponents()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("an access token of the configured OpenID Connect provider, with the audience "
									+ "incident-timeline and a roles claim (viewer, responder, commander, admin)"));
			openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
			AccessRules.ALERT_WEBHOOKS.keySet().forEach((path) -> webhook(openApi, path));
		};
	}

	private static void webhook(OpenAPI openApi, String path) {
		PathItem item = (openApi.getPaths() != null) ? openApi.getPaths().get(path) : null;
		if (item != null) {
			item.readOperations().forEach((operation) -> operation.setSecurity(List.of()));
		}
	}

}
