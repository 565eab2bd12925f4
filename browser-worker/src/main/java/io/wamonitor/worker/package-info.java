/** The browser worker: holds account sessions in slots and talks to the gateway over RabbitMQ. */
package io.wamonitor.worker;
