package io.wamonitor.gateway;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wiring a gateway under test to the run's broker (own namespace) and a fresh embedded database, with a stand-in
 * worker: {@link #WORKER} reports in with heartbeats (so the gateway places accounts on it) but runs nothing, and
 * the commands it is sent wait in its queue for the test to inspect.
 */
public final class GatewayTestSupport {

    public static final String WORKER = "worker-test";
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private final Instant startedAt = Instant.now();
    private ScheduledExecutorService heartbeats;

    private final RabbitBroker broker = RabbitBroker.get();
    private final AmqpTopology topology;
    private final Path dataDir;

    public GatewayTestSupport() {
        this.topology = new AmqpTopology(broker.newNamespace());
        this.dataDir =
                Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("wamonitor.mongo.url", () -> "");
        registry.add("wamonitor.mongo.data-dir", dataDir::toString);
        registry.add("spring.rabbitmq.addresses", broker::url);
        registry.add("wamonitor.amqp.namespace", topology::namespace);
        registry.add("wamonitor.security.api-keys", () -> ApiClient.TEST_API_KEY);
        startWorker();
    }

    /** The stand-in worker reports in now and every second, with room for every account the tests create. */
    public synchronized void startWorker() {
        if (heartbeats != null) {
            return;
        }
        declareWorkerQueue();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "test-worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleWithFixedDelay(
                () -> {
                    try {
                        publishEvent(
                                null,
                                new WorkerHeartbeat(WORKER, 50, 0, List.of(), startedAt, List.of(), 0, 0, List.of()),
                                Instant.now());
                    } catch (RuntimeException brokerAway) {
                        // a fault test stopped the broker; the next beat tries again
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
    }

    /** Waits until the gateway knows the stand-in worker (so new accounts are placed on it at once). */
    public void awaitWorker(ApiClient api) {
        Awaitility.await("the gateway hears " + WORKER)
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    for (var worker : api.get("/api/workers").json()) {
                        if (WORKER.equals(worker.path("worker_id").asText())
                                && worker.path("alive").asBoolean()) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** The stand-in worker's command queue, declared as the gateway (and a real worker) declare it. */
    private void declareWorkerQueue() {
        try (Connection connection = broker.connect();
                Channel channel = connection.createChannel()) {
            for (AmqpTopology.QueueSpec queue : topology.workerQueues(WORKER, true)) {
                channel.queueDeclare(queue.name(), true, false, false, queue.arguments());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public AmqpTopology topology() {
        return topology;
    }

    public RabbitBroker broker() {
        return broker;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Publishes an event as the worker would. */
    public void publishEvent(UUID account, Payload payload, Instant occurredAt) {
        Envelope<Payload> envelope =
                new Envelope<>(UUID.randomUUID(), MessageCatalog.typeOf(payload), occurredAt, account, payload);
        publishRaw(topology.eventsExchange(), envelope.type(), CODEC.encode(envelope));
    }

    public void publishRaw(String exchange, String routingKey, byte[] body) {
        try (Connection connection = broker.connect();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(
                    exchange,
                    routingKey,
                    true,
                    new AMQP.BasicProperties.Builder()
                            .contentType("application/json")
                            .deliveryMode(2)
                            .build(),
                    body);
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes every command waiting in the stand-in worker's queue. */
    public List<Envelope<Payload>> takeCommands() {
        List<Envelope<Payload>> commands = new ArrayList<>();
        Optional<GetResponse> next;
        while ((next = broker.take(topology.workerCommandsQueue(WORKER))).isPresent()) {
            commands.add(CODEC.decode(next.get().getBody()));
        }
        return commands;
    }
}
