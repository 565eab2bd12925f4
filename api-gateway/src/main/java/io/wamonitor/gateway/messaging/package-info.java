/**
 * Sending text and media messages from an account, at most once, and their delivery status.
 */
@ApplicationModule(
        displayName = "messaging",
        allowedDependencies = {"api", "account", "security", "worker"})
package io.wamonitor.gateway.messaging;

import org.springframework.modulith.ApplicationModule;
