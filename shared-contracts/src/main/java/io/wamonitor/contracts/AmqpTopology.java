package io.wamonitor.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every exchange, queue and binding the platform uses, derived from one namespace (so that test runs and
 * side-by-side installations cannot disturb each other).
 *
 * <pre>
 *  gateway --(worker-commands, direct, key = worker id)--> {ns}.worker.{id}.commands --> that worker only
 *  worker  --(events, topic, key = type)--> {ns}.gateway.events --> one gateway instance (durable work)
 *                                       \-> each gateway instance's own queue (heartbeats, send results)
 *  rejected messages --(dlx, direct, key = source queue)--> {queue}.dlq
 * </pre>
 *
 * Commands go to the worker that owns the account: each worker has its own durable command queue (a quorum queue
 * where the broker has them), so no command can land on a worker that does not hold the account. The gateway
 * declares the shared part; each worker declares its own queue before it consumes.
 */
public record AmqpTopology(String namespace) {

    public static final String DEFAULT_NAMESPACE = "wamonitor";
    /** What a worker id may be: it names a queue and is a routing key. */
    public static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Events every gateway instance gets a copy of (not only the one that stores them). */
    public static final List<String> BROADCAST_EVENT_TYPES = List.of("worker.heartbeat.v1", "message.send_result.v1");

    public AmqpTopology {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}")) {
            throw new IllegalArgumentException("Invalid AMQP namespace: " + namespace);
        }
    }

    /** Direct exchange: a command's routing key is the id of the worker that owns its account. */
    public String workerCommandsExchange() {
        return namespace + ".worker-commands";
    }

    public String eventsExchange() {
        return namespace + ".events";
    }

    public String deadLetterExchange() {
        return namespace + ".dlx";
    }

    public String workerCommandsQueue(String workerId) {
        return namespace + ".worker." + checkedWorkerId(workerId) + ".commands";
    }

    public String gatewayEventsQueue() {
        return namespace + ".gateway.events";
    }

    public String deadLetterQueue(String sourceQueue) {
        return sourceQueue + ".dlq";
    }

    /** Events are routed by their type name. */
    public String routingKey(Envelope<?> envelope) {
        return envelope.type();
    }

    /** The routing key of a command for {@code workerId}. */
    public String commandRoutingKey(String workerId) {
        return checkedWorkerId(workerId);
    }

    public static String checkedWorkerId(String workerId) {
        if (workerId == null || !WORKER_ID.matcher(workerId).matches()) {
            throw new IllegalArgumentException(
                    "Invalid worker id '" + workerId + "': letters, digits, '.', '_' and '-', at most 100");
        }
        return workerId;
    }

    /** What every application declares: the exchanges and the gateway's durable event queue. */
    public List<ExchangeSpec> exchanges() {
        return List.of(
                new ExchangeSpec(workerCommandsExchange(), ExchangeSpec.Kind.DIRECT),
                new ExchangeSpec(eventsExchange(), ExchangeSpec.Kind.TOPIC),
                new ExchangeSpec(deadLetterExchange(), ExchangeSpec.Kind.DIRECT));
    }

    public List<QueueSpec> queues() {
        return List.of(
                workQueue(gatewayEventsQueue(), false), new QueueSpec(deadLetterQueue(gatewayEventsQueue()), Map.of()));
    }

    public List<BindingSpec> bindings() {
        return List.of(
                new BindingSpec(eventsExchange(), gatewayEventsQueue(), "#"),
                new BindingSpec(deadLetterExchange(), deadLetterQueue(gatewayEventsQueue()), gatewayEventsQueue()));
    }

    /**
     * A worker's own command queue and its dead-letter queue. {@code quorum}: a replicated quorum queue
     * (RabbitMQ 3.8 and later) rather than a classic one; whoever declares it must use the same value.
     */
    public List<QueueSpec> workerQueues(String workerId, boolean quorum) {
        String queue = workerCommandsQueue(workerId);
        return List.of(workQueue(queue, quorum), new QueueSpec(deadLetterQueue(queue), Map.of()));
    }

    public List<BindingSpec> workerBindings(String workerId) {
        String queue = workerCommandsQueue(workerId);
        return List.of(
                new BindingSpec(workerCommandsExchange(), queue, commandRoutingKey(workerId)),
                new BindingSpec(deadLetterExchange(), deadLetterQueue(queue), queue));
    }

    private QueueSpec workQueue(String name, boolean quorum) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-dead-letter-exchange", deadLetterExchange());
        arguments.put("x-dead-letter-routing-key", name);
        if (quorum) {
            arguments.put("x-queue-type", "quorum");
        }
        return new QueueSpec(name, Map.copyOf(arguments));
    }

    /** The names of every worker command queue among {@code queueNames} (for listing dead letters). */
    public List<String> workerIdsOf(List<String> queueNames) {
        String prefix = namespace + ".worker.";
        List<String> ids = new ArrayList<>();
        for (String name : queueNames) {
            if (name.startsWith(prefix) && name.endsWith(".commands")) {
                ids.add(name.substring(prefix.length(), name.length() - ".commands".length()));
            }
        }
        return ids;
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
