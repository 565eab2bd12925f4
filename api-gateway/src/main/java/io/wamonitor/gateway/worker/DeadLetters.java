package io.wamonitor.gateway.worker;

import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.wamonitor.contracts.AmqpTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues: messages that could never be handled (undecodable, invalid, or failing on every
 * attempt). Each is counted for Prometheus ({@code wamonitor_dead_letters}, alert {@code DeadLettersWaiting}),
 * and an operator can replay one back to its queue once the cause is fixed
 * ({@code POST /api/dead-letters/{queue}/replay}).
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** One replay moves at most this many, so a call cannot run for ever against a queue refilled meanwhile. */
    static final int REPLAY_LIMIT = 10_000;

    private final RabbitTemplate rabbit;
    private final AmqpTopology topology;
    private final WorkerRegistry workers;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final MultiGauge gauge;

    DeadLetters(RabbitTemplate rabbit, AmqpTopology topology, WorkerRegistry workers, MeterRegistry meters) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.workers = workers;
        this.gauge = MultiGauge.builder("wamonitor.dead.letters")
                .description("Messages in a dead-letter queue: they could never be handled (replay with "
                        + "POST /api/dead-letters/{queue}/replay once the cause is fixed)")
                .register(meters);
        for (String queue : queues()) {
            counts.put(queue, 0L);
        }
        publish();
    }

    private void publish() {
        gauge.register(
                counts.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("queue", shortName(e.getKey())), e.getValue()))
                        .toList(),
                true);
    }

    /** A queue whose dead letters the API lists and replays, by the name without the namespace. */
    record DeadLetterQueue(String queue, String deadLetterQueue, long messages) {}

    /** How many messages were moved back. */
    record Replayed(String queue, int replayed) {}

    List<DeadLetterQueue> list() {
        refresh();
        List<DeadLetterQueue> list = new ArrayList<>();
        for (String queue : queues()) {
            list.add(new DeadLetterQueue(
                    shortName(queue), topology.deadLetterQueue(queue), counts.getOrDefault(queue, 0L)));
        }
        return list;
    }

    /** Moves the dead letters of {@code shortName} back to its queue, oldest first; empty if no such queue. */
    Optional<Replayed> replay(String shortName) {
        String queue = queues().stream()
                .filter(q -> shortName(q).equals(shortName))
                .findFirst()
                .orElse(null);
        if (queue == null) {
            return Optional.empty();
        }
        String dlq = topology.deadLetterQueue(queue);
        int moved = rabbit.execute(channel -> {
            channel.confirmSelect();
            int n = 0;
            GetResponse next;
            while (n < REPLAY_LIMIT && (next = channel.basicGet(dlq, false)) != null) {
                channel.basicPublish("", queue, next.getProps(), next.getBody());
                channel.waitForConfirmsOrDie(5_000);
                channel.basicAck(next.getEnvelope().getDeliveryTag(), false);
                n++;
            }
            return n;
        });
        log.info("Replayed {} dead-lettered message(s) from {} to {}", moved, dlq, queue);
        refresh();
        return Optional.of(new Replayed(shortName, moved));
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${wamonitor.worker-link.dead-letter-check:30s}")
    void refresh() {
        for (String queue : queues()) {
            try {
                Long count = rabbit.execute(channel -> channel.messageCount(topology.deadLetterQueue(queue)));
                counts.put(queue, count == null ? 0L : count);
            } catch (AmqpException e) {
                log.debug("Cannot count the dead letters of {}: {}", queue, e.getMessage());
            }
        }
        publish();
    }

    /** The gateway's event queue and the command queue of every worker known. */
    private List<String> queues() {
        List<String> queues = new ArrayList<>();
        queues.add(topology.gatewayEventsQueue());
        workers.views().stream()
                .map(WorkerRegistry.WorkerView::workerId)
                .sorted()
                .forEach(worker -> queues.add(topology.workerCommandsQueue(worker)));
        return queues;
    }

    private String shortName(String queue) {
        return queue.substring(topology.namespace().length() + 1);
    }
}
