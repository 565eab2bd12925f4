/**
 * Cross-cutting HTTP concerns: RFC 9457 problem responses (for every feature, knowing none), CORS, JSON and body
 * rules, security headers and the API root.
 */
@ApplicationModule(
        displayName = "web",
        allowedDependencies = {"api"})
package io.wamonitor.gateway.web;

import org.springframework.modulith.ApplicationModule;
