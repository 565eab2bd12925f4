package io.wamonitor.gateway.worker;

import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.command.DeleteSession;
import io.wamonitor.contracts.command.StartSession;
import io.wamonitor.contracts.command.StopSession;
import io.wamonitor.gateway.account.SessionControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/** Sends commands to the worker; each one is persistent and confirmed by the broker before it counts as sent. */
@Component
class WorkerLink implements SessionControl {

    private static final Logger log = LoggerFactory.getLogger(WorkerLink.class);

    private final RabbitTemplate rabbit;
    private final AmqpTopology topology;
    private final EnvelopeCodec codec;
    private final WorkerLinkSettings settings;
    private final Clock clock;

    WorkerLink(RabbitTemplate rabbit, AmqpTopology topology, EnvelopeCodec codec, WorkerLinkSettings settings,
               Clock clock) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.codec = codec;
        this.settings = settings;
        this.clock = clock;
        rabbit.setReturnsCallback(returned -> log.error("Command {} was not routed to any queue: {}",
                returned.getMessage().getMessageProperties().getType(), returned.getReplyText()));
    }

    @Override
    public boolean start(UUID accountId, String accountName) {
        return send(accountId, new StartSession(accountName));
    }

    @Override
    public boolean delete(UUID accountId, String reason) {
        // Stop first so a worker that only knows "stop" (or is mid-start) releases the browser either way.
        return send(accountId, new StopSession(reason)) & send(accountId, new DeleteSession(reason));
    }

    private boolean send(UUID accountId, Payload payload) {
        Envelope<Payload> envelope = Envelope.of(accountId, payload, clock.instant());
        Message message = MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(envelope.id().toString())
                .setType(envelope.type())
                .setTimestamp(Date.from(envelope.occurredAt()))
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        try {
            rabbit.invoke(ops -> {
                ops.send(topology.commandsExchange(), topology.routingKey(envelope), message);
                ops.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
                return null;
            });
            log.debug("Sent {} for account {}", envelope.type(), accountId);
            return true;
        } catch (AmqpException | IllegalStateException e) {
            log.warn("Could not send {} for account {}: {}", envelope.type(), accountId, e.getMessage());
            return false;
        }
    }
}
