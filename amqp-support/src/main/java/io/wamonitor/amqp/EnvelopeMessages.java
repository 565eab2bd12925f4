package io.wamonitor.amqp;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
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

    /**
     * Publishes a batch on one channel (so the broker keeps its order) and waits for the confirms of all; throws when
     * any is refused or does not come within {@code RABBITMQ_CONFIRM_TIMEOUT}.
     *
     * <p>Confirms are correlated, one per message: with simple confirms Spring AMQP closes the channel after each
     * batch and, because returns are on, delays that close by five seconds on a thread of its own; every publish cost
     * a channel, and a shutdown waited for the last of those closes.
     */
    public void publishConfirmed(String exchange, List<Routed> messages) {
        rabbit.invoke(ops -> {
            List<CorrelationData> confirms = new ArrayList<>(messages.size());
            for (Routed routed : messages) {
                CorrelationData confirm = new CorrelationData(
                        routed.message().getMessageProperties().getMessageId());
                ops.send(exchange, routed.routingKey(), routed.message(), confirm);
                confirms.add(confirm);
            }
            awaitConfirms(confirms);
            return null;
        });
    }

    private void awaitConfirms(List<CorrelationData> confirms) {
        long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
        for (CorrelationData confirm : confirms) {
            CorrelationData.Confirm answer;
            try {
                answer = confirm.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new AmqpTimeoutException("no confirm from the broker within " + settings.confirmTimeout(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmqpException("interrupted while waiting for the broker's confirm", e);
            } catch (ExecutionException e) {
                throw new AmqpException("waiting for the broker's confirm failed", e.getCause());
            }
            if (!answer.isAck()) {
                throw new AmqpException(
                        "the broker did not take message " + confirm.getId() + ": " + answer.getReason());
            }
        }
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
