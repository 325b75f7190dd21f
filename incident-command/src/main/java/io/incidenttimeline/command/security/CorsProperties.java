package io.incidenttimeline.command.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-timeline.cors.allowed-origins}: the web origins whose scripts may call
 * {@code /api/**} with a bearer token; none by default.
 */
@ConfigurationProperties("incident-timeline.cors")
record CorsProperties(List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = (allowedOrigins == null) ? List.of()
				: allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
	}

}
