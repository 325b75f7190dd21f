package io.incidenttimeline.query.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each port serves only its own endpoints: the management port the actuator and the admin
 * operations, the public port everything else. Any other request is a 404 problem, as if
 * the endpoint did not exist there, before authentication is even asked for.
 */
class PortRouting extends OncePerRequestFilter {

	private final ManagementPort managementPort;

	PortRouting(ManagementPort managementPort) {
		this.managementPort = managementPort;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.managementPort.received(request) != ManagementPort.PATHS.matches(request)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
