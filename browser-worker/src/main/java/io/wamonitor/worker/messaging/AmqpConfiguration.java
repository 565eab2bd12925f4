package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.AmqpSettings;
import io.wamonitor.amqp.AmqpSupportConfiguration;
import io.wamonitor.amqp.ListenerRetry;
import io.wamonitor.amqp.Topology;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.worker.WorkerSettings;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The shared AMQP plumbing, this worker's own command queue, and the worker's listener retry: a command has no
 * dependency to wait for (a session that is not there answers as such), so one that fails is tried
 * {@code max-attempts} times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@Import(AmqpSupportConfiguration.class)
class AmqpConfiguration {

    /** The name of this worker's command queue, for the listener. */
    record WorkerQueue(String name) {}

    @Bean
    WorkerQueue workerQueue(AmqpTopology topology, WorkerSettings worker) {
        return new WorkerQueue(topology.workerCommandsQueue(worker.id()));
    }

    /** Declared on every connection, before the listener consumes from it. */
    @Bean
    Declarables workerCommandQueue(AmqpTopology topology, WorkerSettings worker, AmqpSettings settings) {
        return new Declarables(Topology.workerDeclarables(topology, worker.id(), settings.quorumQueues()));
    }

    @Bean
    RabbitRetryTemplateCustomizer commandRetry(RabbitProperties properties) {
        return ListenerRetry.customizer(
                properties.getListener().getSimple().getRetry().getMaxAttempts(), error -> false);
    }

    @Bean
    MessageRecoverer deadLetterWhatCannotSucceed() {
        return ListenerRetry.recoverer(error -> false);
    }
}
