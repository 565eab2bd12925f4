/**
 * The link to the browser workers over RabbitMQ: where each account runs (assignments with epochs, placement,
 * failover, drain, profile backups), commands out to the owning worker, events in (handed to the features as
 * application events), the worker registry, reconciliation on the leading instance, dead letters.
 */
@ApplicationModule(
        displayName = "worker",
        allowedDependencies = {"api", "account", "mongo"})
package io.wamonitor.gateway.worker;

import org.springframework.modulith.ApplicationModule;
