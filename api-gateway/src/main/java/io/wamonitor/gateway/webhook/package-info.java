/** Webhook delivery: durable delivery records, signed bodies, retries with backoff, a circuit breaker per host. */
package io.wamonitor.gateway.webhook;
