package io.wamonitor.worker.messaging;

import io.wamonitor.amqp.EnvelopeMessages;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.AmqpTopology;
import io.wamonitor.contracts.Envelope;
import io.wamonitor.contracts.EnvelopeCodec;
import io.wamonitor.contracts.MessageCatalog;
import io.wamonitor.contracts.Payload;
import io.wamonitor.contracts.event.AccountQrChanged;
import io.wamonitor.contracts.event.AccountStatusChanged;
import io.wamonitor.contracts.event.MessageAckChanged;
import io.wamonitor.contracts.event.MessageCaptured;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.contracts.event.WorkerHeartbeat;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.journal.Outbox;
import io.wamonitor.worker.session.SessionEvents;
import io.wamonitor.worker.session.SessionService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The worker's events. What sessions capture (status, QR codes, messages, receipts, send results) is recorded in
 * the {@link Outbox} first and published from there by the {@link OutboxRelay} until the broker confirms it;
 * heartbeats and replies to requests are ephemeral and published directly.
 */
@Component
class EventPublisher implements SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final RabbitTemplate rabbit;
    private final EnvelopeMessages messages;
    private final AmqpTopology topology;
    private final EnvelopeCodec codec;
    private final WorkerSettings settings;
    private final ObjectProvider<SessionService> sessions;
    private final Outbox outbox;
    private final Clock clock;
    private final Instant startedAt;

    EventPublisher(
            RabbitTemplate rabbit,
            EnvelopeMessages messages,
            AmqpTopology topology,
            EnvelopeCodec codec,
            WorkerSettings settings,
            ObjectProvider<SessionService> sessions,
            Outbox outbox,
            Clock clock) {
        this.rabbit = rabbit;
        this.messages = messages;
        this.topology = topology;
        this.codec = codec;
        this.settings = settings;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public boolean statusChanged(UUID account, AccountStatus status, String reason, String phone) {
        return record(
                account, new AccountStatusChanged(status, reason, settings.id(), phone), UUID.randomUUID(), null, 0);
    }

    @Override
    public boolean qrChanged(UUID account, String qr) {
        return record(account, new AccountQrChanged(qr, settings.id()), UUID.randomUUID(), null, 0);
    }

    /** The envelope id is derived from the message, so a message reported again (backfill) is the same event. */
    @Override
    public boolean messageCaptured(UUID account, MessageCaptured message) {
        return record(
                account,
                message,
                derivedId(account, "message", message.messageId()),
                message.messageId(),
                message.timestamp());
    }

    @Override
    public boolean acksChanged(UUID account, MessageAckChanged acks) {
        return record(
                account,
                acks,
                derivedId(account, "ack", acks.ack() + ":" + String.join(",", acks.messageIds())),
                null,
                0);
    }

    @Override
    public boolean sendFinished(UUID account, SendResult result) {
        return record(account, result, derivedId(account, "send", String.valueOf(result.commandId())), null, 0);
    }

    private boolean record(UUID account, Payload payload, UUID envelopeId, String messageId, long messageTime) {
        Envelope<Payload> envelope =
                new Envelope<>(envelopeId, MessageCatalog.typeOf(payload), clock.instant(), account, payload);
        return outbox.record(account, envelope.type(), envelopeId, messageId, messageTime, codec.encode(envelope));
    }

    private static UUID derivedId(UUID account, String kind, String subject) {
        return UUID.nameUUIDFromBytes((account + ":" + kind + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a request (snapshot, pairing code) on its reply-to queue; the caller waits with a timeout. */
    void reply(Message request, UUID account, Payload payload) {
        String replyTo = request.getMessageProperties().getReplyTo();
        if (replyTo == null) {
            log.warn(
                    "{} for account {} has no reply-to; dropping the answer",
                    payload.getClass().getSimpleName(),
                    account);
            return;
        }
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        Message message = messages.transientMessage(envelope);
        message.getMessageProperties()
                .setCorrelationId(request.getMessageProperties().getCorrelationId());
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
        SessionService service = sessions.getObject();
        var slots = service.slots();
        publish(
                null,
                new WorkerHeartbeat(
                        settings.id(),
                        slots.capacity(),
                        slots.used(),
                        slots.accounts(),
                        startedAt,
                        service.heldSessions()));
    }

    /** Publishes an ephemeral event (heartbeat, command result) directly; false when the broker did not confirm. */
    boolean publish(UUID account, Payload payload) {
        Envelope<Payload> envelope = Envelope.of(account, payload, clock.instant());
        boolean published = messages.tryPublishConfirmed(topology.eventsExchange(), envelope);
        if (!published) {
            log.debug("Could not publish {} for account {}", envelope.type(), account);
        }
        return published;
    }
}
