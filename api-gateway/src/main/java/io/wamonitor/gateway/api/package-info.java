/**
 * The few types every feature may use and that depend on no feature: the problem a refused request is answered
 * with ({@link io.wamonitor.gateway.api.ApiProblem}), the validation vocabulary of request bodies, and an event
 * from a worker as an application event ({@link io.wamonitor.gateway.api.WorkerEvent}).
 */
@ApplicationModule(
        displayName = "api",
        allowedDependencies = {})
package io.wamonitor.gateway.api;

import org.springframework.modulith.ApplicationModule;
