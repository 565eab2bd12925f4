package io.wamonitor.worker.messaging;

import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.session.SessionEvents;
import io.wamonitor.worker.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Publishes the worker's events, each persistent and confirmed by the broker. */
@Component
class EventPublisher implements SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final RabbitTemplate rabbit;
    private final AmqpTopology topology;
    private final EnvelopeCodec codec;
    private final WorkerSettings settings;
    private final ObjectProvider<SessionService> sessions;
    private final Clock clock;
    private final Instant startedAt;

    EventPublisher(RabbitTemplate rabbit, AmqpTopology topology, EnvelopeCodec codec, WorkerSettings settings,
                   ObjectProvider<SessionService> sessions, Clock clock) {
        this.rabbit = rabbit;
        this.topology = topology;
        this.codec = codec;
        this.settings = settings;
        this.sessions = sessions;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void statusChanged(UUID account, AccountStatus status, String reason, String phone) {
        publish(account, new AccountStatusChanged(status, reason, settings.id(), phone));
    }

    @Override
    public void qrChanged(UUID account, String qr) {
        publish(account, new AccountQrChanged(qr, settings.id()));
    }

    @Override
    public void messageCaptured(UUID account, MessageCaptured message) {
        publish(account, message);
    }

    @Override
    public void acksChanged(UUID account, MessageAckChanged acks) {
        publish(account, acks);
    }

    /** Answers a request (snapshot, pairing code) on its reply-to queue; the caller waits with a timeout. */
    void reply(Message request, UUID account, Payload payload) {
        String replyTo = request.getMessageProperties().getReplyTo();
        if (replyTo == null) {
            log.warn("{} for account {} has no reply-to; dropping the answer", payload.getClass().getSimpleName(),
                    account);
            return;
        }
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        Message message = MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(envelope.id().toString())
                .setType(envelope.type())
                .setCorrelationId(request.getMessageProperties().getCorrelationId())
                .build();
        try {
            rabbit.send("", replyTo, message);
        } catch (AmqpException e) {
            log.warn("Could not answer {} for account {}: {}", envelope.type(), account, e.getMessage());
        }
    }

    @Override
    public void slotsChanged() {
        heartbeat();
    }

    @Scheduled(fixedDelayString = "${wamonitor.worker.heartbeat-interval:10s}", initialDelay = 0)
    void heartbeat() {
        var slots = sessions.getObject().slots();
        publish(null, new WorkerHeartbeat(settings.id(), slots.capacity(), slots.used(), slots.accounts(),
                startedAt));
    }

    boolean publish(UUID account, Payload payload) {
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        Message message = MessageBuilder.withBody(codec.encode(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(envelope.id().toString())
                .setType(envelope.type())
                .setTimestamp(Date.from(envelope.occurredAt()))
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        try {
            rabbit.invoke(ops -> {
                ops.send(topology.eventsExchange(), topology.routingKey(envelope), message);
                ops.waitForConfirmsOrDie(5_000);
                return null;
            });
            return true;
        } catch (AmqpException | IllegalStateException e) {
            log.warn("Could not publish {} for account {}: {}", envelope.type(), account, e.getMessage());
            return false;
        }
    }
}
