/** AMQP adapters: the command listener, the event publisher and the heartbeat. */
package io.wamonitor.worker.messaging;
