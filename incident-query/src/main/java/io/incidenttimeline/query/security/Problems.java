package io.incidenttimeline.query.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused request as the rest of the API answers errors: an RFC 9457 problem (the
 * servlet error page renders it from the status and the message given here), with the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750 that tells a client what was
 * wrong with its token. 401 when who asks is unknown (no token, or one we do not accept),
 * 403 when their roles do not allow the request, or a cookie-session request lacks its
 * CSRF token.
 */
final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler insufficient = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		this.challenge.commence(request, response, exception);
		String detail = (exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError().getDescription() != null) ? oauth.getError().getDescription()
						: "Send an OAuth 2.0 bearer token (Authorization: Bearer …), or sign in.";
		response.sendError(HttpServletResponse.SC_UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.insufficient.handle(request, response, exception);
		String detail = (exception instanceof CsrfException) ? exception.getMessage()
				: "Your roles do not allow this request.";
		response.sendError(HttpServletResponse.SC_FORBIDDEN, detail);
	}

}
