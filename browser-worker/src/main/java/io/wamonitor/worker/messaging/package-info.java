/** AMQP adapters: the command listener, the event publisher and the heartbeat. */
@ApplicationModule(allowedDependencies = {"journal", "session"})
package io.wamonitor.worker.messaging;

import org.springframework.modulith.ApplicationModule;
