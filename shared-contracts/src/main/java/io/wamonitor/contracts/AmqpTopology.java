package io.wamonitor.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every exchange, queue and binding the platform uses, derived from one namespace (so that test runs and
 * side-by-side installations cannot disturb each other). Both applications declare the whole topology, so a
 * command sent while the worker has never run still waits in its durable queue.
 *
 * <pre>
 *  gateway --(commands, topic)--> {ns}.worker.commands --> worker
 *  worker  --(events, topic)----> {ns}.gateway.events  --> gateway
 *  rejected messages --(dlx, direct, key = source queue)--> {queue}.dlq
 * </pre>
 */
public record AmqpTopology(String namespace) {

    public static final String DEFAULT_NAMESPACE = "wamonitor";

    public AmqpTopology {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}")) {
            throw new IllegalArgumentException("Invalid AMQP namespace: " + namespace);
        }
    }

    public String commandsExchange() {
        return namespace + ".commands";
    }

    public String eventsExchange() {
        return namespace + ".events";
    }

    public String deadLetterExchange() {
        return namespace + ".dlx";
    }

    public String workerCommandsQueue() {
        return namespace + ".worker.commands";
    }

    public String gatewayEventsQueue() {
        return namespace + ".gateway.events";
    }

    public String deadLetterQueue(String sourceQueue) {
        return sourceQueue + ".dlq";
    }

    /** Commands are routed by their type name, events likewise; the queues take every type. */
    public String routingKey(Envelope<?> envelope) {
        return envelope.type();
    }

    public List<ExchangeSpec> exchanges() {
        return List.of(
                new ExchangeSpec(commandsExchange(), ExchangeSpec.Kind.TOPIC),
                new ExchangeSpec(eventsExchange(), ExchangeSpec.Kind.TOPIC),
                new ExchangeSpec(deadLetterExchange(), ExchangeSpec.Kind.DIRECT));
    }

    public List<QueueSpec> queues() {
        return List.of(
                workQueue(workerCommandsQueue()),
                new QueueSpec(deadLetterQueue(workerCommandsQueue()), Map.of()),
                workQueue(gatewayEventsQueue()),
                new QueueSpec(deadLetterQueue(gatewayEventsQueue()), Map.of()));
    }

    public List<BindingSpec> bindings() {
        return List.of(
                new BindingSpec(commandsExchange(), workerCommandsQueue(), "#"),
                new BindingSpec(eventsExchange(), gatewayEventsQueue(), "#"),
                new BindingSpec(deadLetterExchange(), deadLetterQueue(workerCommandsQueue()), workerCommandsQueue()),
                new BindingSpec(deadLetterExchange(), deadLetterQueue(gatewayEventsQueue()), gatewayEventsQueue()));
    }

    private QueueSpec workQueue(String name) {
        return new QueueSpec(
                name, Map.of("x-dead-letter-exchange", deadLetterExchange(), "x-dead-letter-routing-key", name));
    }

    /** A durable exchange. */
    public record ExchangeSpec(String name, Kind kind) {
        public enum Kind {
            TOPIC,
            DIRECT
        }
    }

    /** A durable, non-exclusive queue with the given arguments. */
    public record QueueSpec(String name, Map<String, Object> arguments) {}

    public record BindingSpec(String exchange, String queue, String routingKey) {}
}
