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
import io.wamonitor.testkit.ApiClient;
import io.wamonitor.testkit.RabbitBroker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Wiring a gateway under test to the run's broker (own namespace) and a fresh embedded database. */
public final class GatewayTestSupport {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

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

    /** Takes every command waiting in the worker's queue (no worker runs in gateway tests). */
    public List<Envelope<Payload>> takeCommands() {
        List<Envelope<Payload>> commands = new ArrayList<>();
        Optional<GetResponse> next;
        while ((next = broker.take(topology.workerCommandsQueue())).isPresent()) {
            commands.add(CODEC.decode(next.get().getBody()));
        }
        return commands;
    }
}
