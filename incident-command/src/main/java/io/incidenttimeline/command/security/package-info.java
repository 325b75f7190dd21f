/**
 * Identity and access: who may call what ({@link AccessRules}, one table), who the caller
 * is (a verified OpenID Connect access token read through shared-events'
 * {@code ActorClaims}; {@link Callers} is the module's published API), and that no sample
 * secret or missing credential reaches a deployment ({@link RequiredSecrets}).
 */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = "web")
package io.incidenttimeline.command.security;

import org.springframework.modulith.ApplicationModule;
