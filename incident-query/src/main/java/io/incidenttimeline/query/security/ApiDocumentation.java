package io.incidenttimeline.query.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html})
 * says how to authenticate: a bearer JWT from the configured issuer, except for the
 * public status page API. The admin operations it lists are served on the management port
 * only.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI openApi() {
		return new OpenAPI()
			.info(new Info().title("incident-query")
				.description("Incidents, timelines, metrics and the public status page. /api/admin/** is served on "
						+ "the management port only."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token of the OIDC_ISSUER_URI issuer with the audience OIDC_AUDIENCE")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer publicOperationsNeedNoToken() {
		return (api) -> api.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/v2/") || path.startsWith("/status")) {
				item.readOperations().forEach((operation) -> operation.setSecurity(List.of()));
			}
		});
	}

}
