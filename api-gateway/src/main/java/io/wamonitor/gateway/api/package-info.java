/**
 * The few types every feature of the gateway may use: an event from a worker as an application event
 * ({@link io.wamonitor.gateway.api.WorkerEvent}). It depends on no feature.
 */
package io.wamonitor.gateway.api;
