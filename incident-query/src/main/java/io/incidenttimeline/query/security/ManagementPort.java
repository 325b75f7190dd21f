package io.incidenttimeline.query.security;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The management port ({@code MANAGEMENT_PORT}, 9081): a second Tomcat connector of the
 * same application, so one Spring Security filter chain, one set of controllers and one
 * problem handling serve both ports; {@link PortRouting} decides which requests exist on
 * which port, and {@code SecurityConfiguration}'s rules name the port they apply to.
 *
 * <p>
 * Not Spring Boot's {@code management.server.port}: that serves actuator endpoints only,
 * from a child context of its own, and the admin operations would have had to become
 * actuator endpoints with other paths and other error answers. Once started, the port it
 * listens on is the property {@code local.management.port} (port 0 picks a free one).
 */
@Component
class ManagementPort implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
		ApplicationListener<WebServerInitializedEvent> {

	/** What the management port serves, and the public port never. */
	static final RequestMatcher PATHS = new OrRequestMatcher(pathPattern("/actuator/**"), pathPattern("/api/admin/**"));

	private final Connector connector = new Connector();

	ManagementPort(@Value("${incident-query.management-port}") int port) {
		this.connector.setPort(port);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addAdditionalConnectors(this.connector);
	}

	/**
	 * Whether the request came in on the management port.
	 */
	boolean received(HttpServletRequest request) {
		return request.getLocalPort() == this.connector.getLocalPort();
	}

	RequestMatcher requests() {
		return this::received;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void onApplicationEvent(WebServerInitializedEvent event) {
		ConfigurableEnvironment environment = (ConfigurableEnvironment) event.getApplicationContext().getEnvironment();
		PropertySource<?> ports = environment.getPropertySources().get("server.ports");
		if (ports == null) {
			ports = new MapPropertySource("server.ports", new HashMap<>());
			environment.getPropertySources().addFirst(ports);
		}
		((Map<String, Object>) ports.getSource()).put("local.management.port", this.connector.getLocalPort());
	}

}
