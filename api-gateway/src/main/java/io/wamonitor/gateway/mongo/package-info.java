/**
 * The MongoDB connection: MONGO_URL, or an embedded wire-protocol server on loopback when it is not set; bounded
 * calls; database outages in scheduled jobs.
 */
@ApplicationModule(
        displayName = "mongo",
        allowedDependencies = {})
package io.wamonitor.gateway.mongo;

import org.springframework.modulith.ApplicationModule;
