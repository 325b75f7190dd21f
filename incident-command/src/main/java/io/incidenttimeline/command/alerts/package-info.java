/**
 * Alert ingestion: alerts from any sender become incident events, routed by rules and
 * kept as receipts. The core (this package) knows no sender; each sender's adapter is a
 * sub-package ({@code alertmanager}, {@code grafana}, {@code pagerduty},
 * {@code cloudevents}) with its own endpoint and credentials.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = { "incident", "web" })
package io.incidenttimeline.command.alerts;

import org.springframework.modulith.ApplicationModule;
