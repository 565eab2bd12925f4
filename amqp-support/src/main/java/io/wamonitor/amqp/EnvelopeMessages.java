package io.wamonitor.amqp;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Envelopes as AMQP messages (JSON body, the envelope id as message id, the logical type as AMQP type and routing
 * key), and publishing them so that a send counts only once the broker confirmed it.
 */
public final class EnvelopeMessages {

    private final RabbitTemplate rabbit;
    private final EnvelopeCodec codec;
    private final AmqpTopology topology;
    private final AmqpSettings settings;

    public EnvelopeMessages(RabbitTemplate rabbit, EnvelopeCodec codec, AmqpTopology topology, AmqpSettings settings) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.topology = topology;
        this.settings = settings;
    }

    /** A message kept by the broker across its restarts (commands and events). */
    public Message persistent(Envelope<?> envelope) {
        return persistent(envelope.id(), envelope.type(), envelope.occurredAt(), codec.encode(envelope));
    }

    /** A persistent message from an envelope encoded earlier (the worker's journal keeps the bytes). */
    public static Message persistent(UUID id, String type, Instant at, byte[] body) {
        return builder(id, type, body)
                .setTimestamp(Date.from(at))
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    /** A message for a request or a reply, which nobody needs after a broker restart. */
    public Message transientMessage(Envelope<?> envelope) {
        return builder(envelope.id(), envelope.type(), codec.encode(envelope))
                .setTimestamp(Date.from(envelope.occurredAt()))
                .setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT)
                .build();
    }

    /** Publishes to an exchange and waits for the broker's confirm; throws when it does not come. */
    public void publishConfirmed(String exchange, Envelope<?> envelope) {
        publishConfirmed(exchange, List.of(new Routed(topology.routingKey(envelope), persistent(envelope))));
    }

    /** Publishes a command to the worker {@code workerId} (its own queue) and waits for the broker's confirm. */
    public void publishCommand(String workerId, Envelope<?> envelope) {
        publishConfirmed(
                topology.workerCommandsExchange(),
                List.of(new Routed(topology.commandRoutingKey(workerId), persistent(envelope))));
    }

    /** Publishes a batch on one channel and waits for the confirms of all; throws when any does not come. */
    public void publishConfirmed(String exchange, List<Routed> messages) {
        rabbit.invoke(ops -> {
            for (Routed routed : messages) {
                ops.send(exchange, routed.routingKey(), routed.message());
            }
            ops.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
            return null;
        });
    }

    /** Like {@link #publishConfirmed(String, Envelope)}, false instead of an exception. */
    public boolean tryPublishConfirmed(String exchange, Envelope<?> envelope) {
        try {
            publishConfirmed(exchange, envelope);
            return true;
        } catch (AmqpException | IllegalStateException e) {
            return false;
        }
    }

    /** A message and the routing key it goes out with. */
    public record Routed(String routingKey, Message message) {}

    private static MessageBuilderSupport<Message> builder(UUID id, String type, byte[] body) {
        return MessageBuilder.withBody(body)
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(id.toString())
                .setType(type);
    }
}
