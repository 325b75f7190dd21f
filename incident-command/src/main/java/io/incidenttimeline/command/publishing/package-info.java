/**
 * The event store is the outbox: every stored event goes to Kafka in its published form
 * (the shared envelope, CloudEvents JSON), and the audit trail shows the same form.
 */
@ApplicationModule(displayName = "Publishing", allowedDependencies = { "incident", "eventstore", "web" })
package io.incidenttimeline.command.publishing;

import org.springframework.modulith.ApplicationModule;
