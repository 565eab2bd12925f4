package io.wamonitor.testkit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Listens on an exchange through a private, auto-deleted queue and records every envelope published there,
 * so a test can assert on what a component said without taking messages from its real consumers.
 */
public final class MessageTap implements AutoCloseable {

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<Envelope<Payload>> received = new CopyOnWriteArrayList<>();
    private final Connection connection;

    public MessageTap(RabbitBroker broker, String exchange, String exchangeType) {
        try {
            connection = broker.connect();
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, exchangeType, true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, exchange, "#");
            DeliverCallback onMessage = (tag, delivery) -> received.add(codec.decode(delivery.getBody()));
            channel.basicConsume(queue, true, onMessage, tag -> {});
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tap " + exchange, e);
        }
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        received.clear();
    }

    public List<Envelope<Payload>> all() {
        return new ArrayList<>(received);
    }

    @SuppressWarnings("unchecked")
    public <P extends Payload> List<Envelope<P>> of(Class<P> type, Predicate<Envelope<P>> filter) {
        List<Envelope<P>> matching = new ArrayList<>();
        for (Envelope<Payload> envelope : received) {
            if (type.isInstance(envelope.payload()) && filter.test((Envelope<P>) (Envelope<?>) envelope)) {
                matching.add((Envelope<P>) (Envelope<?>) envelope);
            }
        }
        return matching;
    }

    public <P extends Payload> List<P> payloads(Class<P> type) {
        return of(type, e -> true).stream().map(Envelope::payload).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception ignored) {
            // the broker may already be gone at the end of a run
        }
    }
}
