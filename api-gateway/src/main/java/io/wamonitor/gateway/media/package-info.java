/**
 * Media of captured messages, stored in GridFS and served at signed, expiring URLs that need no API key.
 */
@ApplicationModule(
        displayName = "media",
        allowedDependencies = {"api"})
package io.wamonitor.gateway.media;

import org.springframework.modulith.ApplicationModule;
