package io.wamonitor.amqp;

import io.wamonitor.contracts.AmqpTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/** The whole topology as Spring AMQP declarables; both applications declare it (idempotently). */
public final class Topology {

    private Topology() {}

    public static Declarables declarables(AmqpTopology topology) {
        List<Declarable> declarables = new ArrayList<>();
        topology.exchanges()
                .forEach(e -> declarables.add(
                        e.kind() == AmqpTopology.ExchangeSpec.Kind.TOPIC
                                ? new TopicExchange(e.name(), true, false)
                                : new DirectExchange(e.name(), true, false)));
        add(declarables, topology.queues(), topology.bindings());
        return new Declarables(declarables);
    }

    /** One worker's command queue, its dead-letter queue and their bindings. */
    public static List<Declarable> workerDeclarables(AmqpTopology topology, String workerId, boolean quorum) {
        List<Declarable> declarables = new ArrayList<>();
        add(declarables, topology.workerQueues(workerId, quorum), topology.workerBindings(workerId));
        return declarables;
    }

    private static void add(
            List<Declarable> declarables,
            List<AmqpTopology.QueueSpec> queues,
            List<AmqpTopology.BindingSpec> bindings) {
        queues.forEach(q -> declarables.add(new Queue(q.name(), true, false, false, q.arguments())));
        bindings.forEach(b -> declarables.add(
                new Binding(b.queue(), Binding.DestinationType.QUEUE, b.exchange(), b.routingKey(), Map.of())));
    }
}
