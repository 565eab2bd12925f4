/** The link to the browser worker over RabbitMQ: commands out, status and heartbeat events in. */
package io.wamonitor.gateway.worker;
