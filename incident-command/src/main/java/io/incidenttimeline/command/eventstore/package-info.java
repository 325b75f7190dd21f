/**
 * Axon's JDBC event store on Flyway's tables, and how stored events of earlier schema
 * versions are read as the current ones.
 */
@ApplicationModule(displayName = "Event store", allowedDependencies = {})
package io.incidenttimeline.command.eventstore;

import org.springframework.modulith.ApplicationModule;
