/**
 * API keys, and the requests the gateway makes on a caller's behalf: the SSRF guard and the guarded HTTP
 * clients.
 */
@ApplicationModule(
        displayName = "security",
        allowedDependencies = {"api"})
package io.wamonitor.gateway.security;

import org.springframework.modulith.ApplicationModule;
