package io.wamonitor.worker.messaging;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.worker.WorkerSettings;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.amqp.RabbitRetryTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.policy.SimpleRetryPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class AmqpConfiguration {

    @Bean
    AmqpTopology amqpTopology(WorkerSettings settings) {
        return new AmqpTopology(settings.namespace());
    }

    @Bean
    EnvelopeCodec envelopeCodec() {
        return new EnvelopeCodec();
    }

    /** Declares the whole topology (idempotently), so commands wait in their queue even before any worker ran. */
    @Bean
    Declarables topologyDeclarables(AmqpTopology topology) {
        List<Declarable> declarables = new ArrayList<>();
        topology.exchanges().forEach(e -> declarables.add(e.kind() == AmqpTopology.ExchangeSpec.Kind.TOPIC
                ? new TopicExchange(e.name(), true, false) : new DirectExchange(e.name(), true, false)));
        topology.queues().forEach(q -> declarables.add(new Queue(q.name(), true, false, false, q.arguments())));
        topology.bindings().forEach(b -> declarables.add(
                new Binding(b.queue(), Binding.DestinationType.QUEUE, b.exchange(), b.routingKey(), Map.of())));
        return new Declarables(declarables);
    }

    /**
     * Transient failures (MongoDB briefly away) are retried a few times; a message that can never be
     * processed is rejected at once and lands in the dead-letter queue instead of looping.
     */
    @Bean
    RabbitRetryTemplateCustomizer poisonMessagesAreNotRetried(RabbitProperties properties) {
        int attempts = properties.getListener().getSimple().getRetry().getMaxAttempts();
        return (target, template) -> {
            if (target == RabbitRetryTemplateCustomizer.Target.LISTENER) {
                template.setRetryPolicy(new SimpleRetryPolicy(attempts,
                        Map.of(AmqpRejectAndDontRequeueException.class, false), true, true));
            }
        };
    }
}
