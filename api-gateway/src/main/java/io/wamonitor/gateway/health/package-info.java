/**
 * Session health: what the workers report of each session's liveness ({@code /health} and the account list's
 * {@code health}), and the incidents they record when a session leaves READY or is healed, with the screenshot of
 * the page at that moment (the last ten per account, in GridFS).
 */
@ApplicationModule(
        displayName = "health",
        allowedDependencies = {"api", "account", "media", "worker"})
package io.wamonitor.gateway.health;

import org.springframework.modulith.ApplicationModule;
