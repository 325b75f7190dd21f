/**
 * What every HTTP feature of the service shares: the request body limit, problem
 * responses for bad input, typed request parameters and the JSON timestamp format. A
 * shared module: every other module may use its public types, and it uses none of theirs.
 */
@ApplicationModule(displayName = "Web infrastructure", allowedDependencies = {})
package io.incidenttimeline.command.web;

import org.springframework.modulith.ApplicationModule;
