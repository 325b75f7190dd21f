/**
 * The incident: its aggregate, the commands it accepts and what they answer. The base
 * package knows nothing of HTTP; {@code incident.web} is the responders' HTTP API.
 */
@ApplicationModule(displayName = "Incident", allowedDependencies = "web")
package io.incidenttimeline.command.incident;

import org.springframework.modulith.ApplicationModule;
