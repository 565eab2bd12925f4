/**
 * The link to the browser workers over RabbitMQ: commands out, events in (handed to the features as application
 * events), the heartbeat registry, reconciliation, dead letters.
 */
@ApplicationModule(
        displayName = "worker",
        allowedDependencies = {"api", "account"})
package io.wamonitor.gateway.worker;

import org.springframework.modulith.ApplicationModule;
