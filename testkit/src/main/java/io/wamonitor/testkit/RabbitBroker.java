package io.wamonitor.testkit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.wamonitor.contracts.AmqpTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * The RabbitMQ broker of a test run: {@code RABBITMQ_URL} if set, else a Testcontainers broker where a
 * Docker engine exists, else the local broker on 127.0.0.1:5672. Every caller of {@link #newNamespace()}
 * gets exchange and queue names of its own, and they are deleted when the run ends.
 */
public final class RabbitBroker {

    private static final String LOCAL_URL = "amqp://guest:guest@127.0.0.1:5672";
    private static RabbitBroker instance;

    private final String url;
    private final String source;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> namespaces = new ArrayList<>();

    private RabbitBroker(String url, String source) {
        this.url = url;
        this.source = source;
    }

    public static synchronized RabbitBroker get() {
        if (instance == null) {
            instance = resolve();
        }
        return instance;
    }

    private static RabbitBroker resolve() {
        String configured =
                Optional.ofNullable(System.getenv("RABBITMQ_URL")).orElse(System.getProperty("RABBITMQ_URL"));
        if (configured != null && !configured.isBlank()) {
            return new RabbitBroker(configured, "RABBITMQ_URL");
        }
        if (dockerAvailable()) {
            RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-alpine");
            container.start();
            return new RabbitBroker(container.getAmqpUrl(), "Testcontainers");
        }
        return new RabbitBroker(LOCAL_URL, "local broker");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String url() {
        return url;
    }

    public String source() {
        return source;
    }

    /** A namespace no other test (in this run or another) uses; its topology is deleted at the end of the run. */
    public synchronized String newNamespace() {
        String ns = "test-" + runId + "-" + counter.incrementAndGet();
        namespaces.add(ns);
        return ns;
    }

    /** Fails with a message a developer can act on when the broker does not answer. */
    public void assertReachable() {
        try (Connection ignored = connect()) {
            // reachable
        } catch (Exception e) {
            throw new IllegalStateException(
                    "RabbitMQ is not reachable at " + redacted() + " (" + source
                            + "). Start it with `rabbitmq-server -detached` or set RABBITMQ_URL.",
                    e);
        }
    }

    public Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        return factory.newConnection("wa-monitor-tests");
    }

    /** Takes one message from a queue, or empty if none is there. */
    public Optional<GetResponse> take(String queue) {
        try (Connection connection = connect();
                Channel channel = connection.createChannel()) {
            return Optional.ofNullable(channel.basicGet(queue, true));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long messageCount(String queue) {
        try (Connection connection = connect();
                Channel channel = connection.createChannel()) {
            return channel.messageCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every queue and exchange of the namespaces handed out. */
    synchronized void deleteNamespaces() {
        try (Connection connection = connect()) {
            for (String ns : namespaces) {
                AmqpTopology topology = new AmqpTopology(ns);
                for (AmqpTopology.QueueSpec queue : topology.queues()) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue.name());
                    }
                }
                for (AmqpTopology.ExchangeSpec exchange : topology.exchanges()) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange.name());
                    }
                }
            }
            namespaces.clear();
        } catch (Exception e) {
            System.err.println("Could not delete test topology: " + e);
        }
    }

    private String redacted() {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
