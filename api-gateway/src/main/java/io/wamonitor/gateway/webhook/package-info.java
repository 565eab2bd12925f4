/**
 * Webhook delivery: durable delivery records, signed bodies, retries with backoff, fair scheduling and a circuit
 * breaker per receiver.
 */
@ApplicationModule(
        displayName = "webhook",
        allowedDependencies = {"api", "account", "health", "media", "mongo", "security"})
package io.wamonitor.gateway.webhook;

import org.springframework.modulith.ApplicationModule;
