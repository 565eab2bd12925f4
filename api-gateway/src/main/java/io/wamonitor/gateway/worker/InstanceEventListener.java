package io.wamonitor.gateway.worker;

import io.wamonitor.amqp.EnvelopeListener;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.gateway.api.WorkerBroadcast;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * This gateway instance's own copy of the events every instance needs (heartbeats, send results): a queue of its
 * own, removed when the instance goes. Heartbeats feed the worker registry (every instance shows the workers and
 * places accounts); a send result completes the request waiting for it, on whichever instance that is.
 */
@Component
class InstanceEventListener {

    private final EnvelopeListener envelopes;
    private final WorkerHeartbeats heartbeats;
    private final ApplicationEventPublisher features;

    InstanceEventListener(EnvelopeCodec codec, WorkerHeartbeats heartbeats, ApplicationEventPublisher features) {
        this.envelopes = new EnvelopeListener(codec, "broadcast event");
        this.heartbeats = heartbeats;
        this.features = features;
    }

    @RabbitListener(queues = "#{@instanceQueue.name}")
    void onEvent(Message message) {
        envelopes.accept(message, envelope -> false).ifPresent(envelope -> {
            if (envelope.payload() instanceof WorkerHeartbeat heartbeat) {
                heartbeats.on(envelope.withEpoch(null), heartbeat);
            } else {
                features.publishEvent(new WorkerBroadcast<>(envelope));
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class InstanceQueue {

        /** Exclusive to this instance, deleted when its connection closes (and declared again on reconnect). */
        @Bean
        AnonymousQueue instanceQueue() {
            return new AnonymousQueue();
        }

        @Bean
        Declarables instanceQueueBindings(AnonymousQueue instanceQueue, AmqpTopology topology) {
            List<Declarable> bindings = new ArrayList<>();
            TopicExchange events = new TopicExchange(topology.eventsExchange(), true, false);
            for (String type : AmqpTopology.BROADCAST_EVENT_TYPES) {
                Binding binding = BindingBuilder.bind(instanceQueue).to(events).with(type);
                bindings.add(binding);
            }
            return new Declarables(bindings);
        }
    }
}
